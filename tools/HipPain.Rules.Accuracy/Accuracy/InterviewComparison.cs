using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HipPain.Rules.Accuracy;

/// <summary>One patient interview on two bases (the shipped base, then the overlaid one).</summary>
/// <param name="Set">The set the case belongs to, as <see cref="PatientInterviewLength"/> names it.</param>
/// <param name="Shipped">The interview on the shipped base.</param>
/// <param name="Overlaid">The interview of the same case on the overlaid base.</param>
internal sealed record ComparedInterview(string Set, PatientInterviewLength.InterviewCount Shipped, PatientInterviewLength.InterviewCount Overlaid)
{
    /// <summary>The overlaid interview asks fewer red-flag questions: the safety check of facts addenda 56 to 58.</summary>
    public bool AsksFewerRedFlagQuestions => Overlaid.RedFlagQuestions < Shipped.RedFlagQuestions;

    /// <summary>The two interviews ask the same findings, with the same answers, in the same order.</summary>
    public bool IsIdentical => Shipped.Asked.SequenceEqual(Overlaid.Asked, StringComparer.Ordinal);

    /// <summary>The two interviews ask as many questions and as many red-flag questions, in another order or of other findings.</summary>
    public bool IsReorderedOnly => !IsIdentical && Shipped.Questions == Overlaid.Questions && Shipped.RedFlagQuestions == Overlaid.RedFlagQuestions;
}

/// <summary>
/// The patient interviews of <c>--compare</c>: every case of <see cref="PatientInterviewLength"/> interviewed on the
/// shipped base and on the overlaid one, interview by interview. A change of weights can change which questions a
/// patient interview reaches, and with them whether a gate's context is met and its questions asked (hazard H21), so a
/// candidate whose interviews ask fewer red-flag questions is marked as losing, as facts addenda 56 to 58 checked by hand.
/// </summary>
internal static class InterviewComparison
{
    /// <summary>Pairs the interviews of two runs.</summary>
    /// <param name="shipped">The interviews on the shipped base.</param>
    /// <param name="overlaid">The interviews on the overlaid base.</param>
    /// <exception cref="InvalidOperationException">The two runs did not interview the same sets and cases in the same order.</exception>
    public static ImmutableArray<ComparedInterview> Compare(IReadOnlyList<PatientInterviewLength.SetLength> shipped, IReadOnlyList<PatientInterviewLength.SetLength> overlaid)
    {
        if (!shipped.Select(s => s.Name).SequenceEqual(overlaid.Select(s => s.Name), StringComparer.Ordinal))
        {
            throw new InvalidOperationException("The two runs did not interview the same sets.");
        }

        var pairs = ImmutableArray.CreateBuilder<ComparedInterview>();
        foreach (var (a, b) in shipped.Zip(overlaid))
        {
            if (!a.Interviews.Select(i => i.Case).SequenceEqual(b.Interviews.Select(i => i.Case), StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"{a.Name}: the two runs did not interview the same cases in the same order.");
            }

            pairs.AddRange(a.Interviews.Zip(b.Interviews, (x, y) => new ComparedInterview(a.Name, x, y)));
        }

        return pairs.ToImmutable();
    }

    /// <summary>
    /// The comparison as Markdown: how many interviews ask fewer or more red-flag questions, how many are longer or
    /// shorter, how many only ask in another order, and a row for each interview that asks fewer red-flag questions
    /// (an overlay that adds a gate moves nearly every interview by one question, so the rest are counted, not listed).
    /// </summary>
    /// <param name="interviews">The paired interviews, from <see cref="Compare"/>.</param>
    /// <param name="painMapFirst">The interviews started from the pain regions the cases state (<c>--pain-map-first</c>).</param>
    public static string Render(IReadOnlyList<ComparedInterview> interviews, bool painMapFirst = false)
    {
        var text = new StringBuilder();
        var fewer = interviews.Count(i => i.AsksFewerRedFlagQuestions);
        var more = interviews.Count(i => i.Overlaid.RedFlagQuestions > i.Shipped.RedFlagQuestions);
        var longer = interviews.Count(i => i.Overlaid.Questions > i.Shipped.Questions);
        var shorter = interviews.Count(i => i.Overlaid.Questions < i.Shipped.Questions);
        var reordered = interviews.Count(i => i.IsReorderedOnly);
        var identical = interviews.Count(i => i.IsIdentical);
        text.AppendLine(Invariant($"Patient interviews ({interviews.Count}: every case above and the bundled cases, starting from {(painMapFirst ? "age, sex and the pain regions the case states (--pain-map-first)" : "age and sex")},"));
        text.AppendLine("the simulated patient answering yes to what the case states and no to everything else), shipped -> overlaid:");
        text.AppendLine(Invariant($"{identical} identical; {reordered} with the same counts, other questions or order; {longer} longer and {shorter} shorter;"));
        text.AppendLine(fewer == 0
            ? Invariant($"none asks fewer red-flag questions ({more} {Ask(more)} more).")
            : Invariant($"**{fewer} {Ask(fewer)} fewer red-flag questions** ({more} {Ask(more)} more)."));
        text.AppendLine();
        text.AppendLine("Interviews that ask fewer red-flag questions (`--patient-interview --per-case` with and without the overlay prints");
        text.AppendLine("each interview's questions in order):");
        text.AppendLine();
        text.AppendLine("| Set | Case | Questions | Red-flag questions |");
        text.AppendLine("|---|---|---|---|");
        var rows = 0;
        foreach (var i in interviews.Where(i => i.AsksFewerRedFlagQuestions))
        {
            rows++;
            text.AppendLine(Invariant(
                $"| {i.Set} | `{i.Shipped.Case}` | {i.Shipped.Questions} -> {i.Overlaid.Questions} | {i.Shipped.RedFlagQuestions} -> {i.Overlaid.RedFlagQuestions} |"));
        }

        if (rows == 0)
        {
            text.AppendLine("| (none) | | | |");
        }

        return text.ToString();
    }

    private static string Ask(int count) => count == 1 ? "asks" : "ask";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
