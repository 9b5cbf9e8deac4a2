using System.Collections.Immutable;

namespace HipPain.Rules.Model;

/// <summary>
/// Rules of one cause that measure the same thing (tests of one structure, the items of one published criterion,
/// an age modifier that a criterion already contains), so that their evidence counts once, not once per rule.
/// </summary>
/// <remarks>
/// <para>
/// A group contributes one of two things to its cause's log-odds. (1) When a <see cref="EvidenceGroupMember.IsJoint"/>
/// member is decided and has a figure for its outcome (a graded rule's entry that is not null; both ratios of a
/// criterion rule are figures), the first such joint member in <see cref="Members"/> order counts alone: its figure
/// is the source's statement about the combination. (2) Otherwise the group contributes the strongest decided member
/// for the cause (the largest positive log ratio) plus the strongest decided member against it (the most negative),
/// each at most once. Undecided members change nothing.
/// </para>
/// <para>
/// So a group never moves a cause further than its strongest member or its joint figure. See <c>docs/model.md</c>.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class EvidenceGroup
{
    /// <summary>An evidence group's wording: its name.</summary>
    internal static readonly WordingKind<EvidenceGroup> Wording = new(
        TextKey.GroupsSection,
        "evidence group",
        kb => kb.Groups,
        g => g.Id,
        new WordingField<EvidenceGroup>("name", g => g.Name, IsRewordable: true));

    internal EvidenceGroup(string id, string causeId, string name, ImmutableArray<EvidenceGroupMember> members)
    {
        Id = id;
        CauseId = causeId;
        Name = name;
        Members = members;
    }

    /// <summary>The stable id, for example <c>hip-oa/classification</c>.</summary>
    public string Id { get; }

    /// <summary>The cause whose rules the group holds.</summary>
    public string CauseId { get; }

    /// <summary>The display name, for example "Hamstring stretch tests (one case-control study)".</summary>
    public string Name { get; }

    /// <summary>The member rules, in the author's order (the order in which joint members are tried).</summary>
    public ImmutableArray<EvidenceGroupMember> Members { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name}): {string.Join(", ", Members)}";
}

/// <summary>One rule of an <see cref="EvidenceGroup"/>.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="IsJoint">True when the rule carries a published figure for the combination (typically a graded rule), which counts alone when decided.</param>
public readonly record struct EvidenceGroupMember(string RuleId, bool IsJoint)
{
    /// <inheritdoc />
    public override string ToString() => IsJoint ? RuleId + " (joint)" : RuleId;
}
