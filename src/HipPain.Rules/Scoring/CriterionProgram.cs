using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>
/// Every criterion of a knowledge base (rules and red-flag gates) compiled into one flat node table:
/// finding codes resolved to indices, composite parts stored as contiguous runs of child node indices.
/// Evaluation walks the table without allocating.
/// </summary>
internal sealed class CriterionProgram
{
    /// <summary>The criterion is met.</summary>
    public const int Met = 1;

    /// <summary>The criterion is definitely not met.</summary>
    public const int NotMet = 0;

    /// <summary>The criterion cannot be decided yet.</summary>
    public const int Undecided = -1;

    /// <summary>The age passed to <see cref="Evaluate"/> when the case gives none.</summary>
    public const int NoAge = -1;

    private readonly List<Node> nodes = [];
    private readonly List<int> children = [];
    private Node[] nodeArray = [];
    private int[] childArray = [];

    private enum NodeKind : byte
    {
        Finding,
        Count,
        Age,
        Sex,
    }

    /// <summary>
    /// Adds a criterion and returns its root node index. Call <see cref="Freeze"/> before evaluating it; criteria added
    /// after a freeze need another.
    /// </summary>
    public int Add(Criterion criterion, IReadOnlyDictionary<string, int> findingIndex)
    {
        RootCount++;
        return AddNode(criterion, findingIndex);
    }

    /// <summary>Adds the parts of a graded rule as one counting node and returns its index, for <see cref="CountParts"/>.</summary>
    public int AddParts(IEnumerable<Criterion> parts, IReadOnlyDictionary<string, int> findingIndex)
    {
        RootCount++;
        return AddNode(Criterion.AtLeast(1, [.. parts]), findingIndex);
    }

    /// <summary>
    /// How many criteria were added (<see cref="Add"/> and <see cref="AddParts"/>): each is compiled once, so a test can
    /// hold this to the number of criteria the base has.
    /// </summary>
    public int RootCount { get; private set; }

    /// <summary>Copies every node added so far into the arrays that <see cref="Evaluate"/> reads.</summary>
    public void Freeze()
    {
        nodeArray = [.. nodes];
        childArray = [.. children];
    }

    /// <summary>Evaluates the criterion rooted at <paramref name="root"/>: <see cref="Met"/>, <see cref="NotMet"/> or <see cref="Undecided"/>.</summary>
    public int Evaluate(int root, ReadOnlySpan<FindingState> states, int age, Sex sex) =>
        EvaluateNode(nodeArray, childArray, root, states, age, sex);

    /// <summary>Counts the parts of the counting node <paramref name="root"/> (added by <see cref="AddParts"/>) that are met and that are undecided.</summary>
    public void CountParts(int root, ReadOnlySpan<FindingState> states, int age, Sex sex, out int met, out int open)
    {
        var node = nodeArray[root];
        met = 0;
        var notMet = 0;
        for (var i = node.B; i < node.B + node.C; i++)
        {
            var outcome = EvaluateNode(nodeArray, childArray, childArray[i], states, age, sex);
            met += outcome == Met ? 1 : 0;
            notMet += outcome == NotMet ? 1 : 0;
        }

        open = node.C - met - notMet;
    }

    /// <summary>
    /// True when <paramref name="finding"/> sits in an undecided branch of the criterion rooted at
    /// <paramref name="root"/> whose every ancestor is undecided, so that its answer can still change the outcome.
    /// A decided branch cannot change again. Nothing in the library calls it since the red flags, like the interviewer,
    /// read <see cref="EvaluateAndMarkLive"/>: it stays as the one-finding definition that CriterionProgramLiveTests
    /// checks the one-walk version against.
    /// </summary>
    public bool IsLive(int root, ReadOnlySpan<FindingState> states, int age, Sex sex, int finding) =>
        IsLiveNode(nodeArray, childArray, root, states, age, sex, finding);

    /// <summary>The number of nodes compiled so far (frozen): the length of the scratch that <see cref="EvaluateAndMarkLive"/> needs.</summary>
    public int NodeCount => nodeArray.Length;

    /// <summary>
    /// Evaluates the criterion rooted at <paramref name="root"/> as <see cref="Evaluate"/> does and marks in
    /// <paramref name="live"/> (by finding index) every finding for which <see cref="IsLive"/> is true: one walk that
    /// records each counting node's outcome in <paramref name="scratch"/> (length <see cref="NodeCount"/>), then one walk down
    /// the undecided nodes, instead of one walk per finding. Nothing is cleared: marks already set stay set.
    /// </summary>
    public int EvaluateAndMarkLive(int root, ReadOnlySpan<FindingState> states, int age, Sex sex, Span<int> scratch, Span<bool> live)
    {
        var outcome = RecordNode(nodeArray, childArray, root, states, age, sex, scratch);
        if (outcome == Undecided)
        {
            MarkRecordedNode(nodeArray, childArray, root, states, scratch, live);
        }

        return outcome;
    }

    /// <summary>
    /// True when the criterion rooted at <paramref name="root"/> is undecided and has a met leaf (a finding in its
    /// expected state, or an age or sex condition met) none of whose enclosing parts is definitely not met: the case
    /// already points towards meeting it. A leaf inside a ruled-out branch no longer counts.
    /// </summary>
    public bool IsPartlyMet(int root, ReadOnlySpan<FindingState> states, int age, Sex sex) =>
        EvaluateNode(nodeArray, childArray, root, states, age, sex) == Undecided && HasMetLeaf(nodeArray, childArray, root, states, age, sex);

    /// <summary>
    /// How far a case goes towards meeting the criterion rooted at <paramref name="root"/>, from 0 to 1: 1 when met,
    /// 0 when definitely not met; otherwise a finding, age or sex leaf counts 1 when met and 0 when unknown, and a
    /// part needing <c>n</c> of its sub-parts counts the sum of its <c>n</c> best live sub-parts divided by
    /// <c>n</c> (so an any-of part takes its best branch and an all-of part the share of its parts met).
    /// </summary>
    public double Progress(int root, ReadOnlySpan<FindingState> states, int age, Sex sex) =>
        ProgressNode(nodeArray, childArray, root, states, age, sex);

    /// <summary>Converts an evaluation to the model's three-valued form.</summary>
    public static bool? ToNullable(int outcome) => outcome == Undecided ? null : outcome == Met;

    private static int EvaluateNode(Node[] nodes, int[] children, int index, ReadOnlySpan<FindingState> states, int age, Sex sex)
    {
        var node = nodes[index];
        switch (node.Kind)
        {
            case NodeKind.Finding:
                var state = states[node.A];
                return state == FindingState.Unknown ? Undecided : (int)state == node.B ? Met : NotMet;
            case NodeKind.Age:
                return age == NoAge ? Undecided : age >= node.A && age <= node.B ? Met : NotMet;
            case NodeKind.Sex:
                return sex == Sex.Unspecified ? Undecided : (int)sex == node.A ? Met : NotMet;
            default:
                int met = 0, notMet = 0;
                for (var i = node.B; i < node.B + node.C; i++)
                {
                    var child = nodes[children[i]];

                    // Most parts are single findings: decide them here rather than through a call.
                    var outcome = child.Kind == NodeKind.Finding
                        ? states[child.A] == FindingState.Unknown ? Undecided : (int)states[child.A] == child.B ? Met : NotMet
                        : EvaluateNode(nodes, children, children[i], states, age, sex);
                    met += outcome == Met ? 1 : 0;
                    notMet += outcome == NotMet ? 1 : 0;
                }

                return met >= node.A ? Met : node.C - notMet < node.A ? NotMet : Undecided;
        }
    }

    private static bool IsLiveNode(Node[] nodes, int[] children, int index, ReadOnlySpan<FindingState> states, int age, Sex sex, int finding)
    {
        var node = nodes[index];
        switch (node.Kind)
        {
            case NodeKind.Finding:
                return node.A == finding && states[finding] == FindingState.Unknown;
            case NodeKind.Count:
                if (EvaluateNode(nodes, children, index, states, age, sex) != Undecided)
                {
                    return false;
                }

                for (var i = node.B; i < node.B + node.C; i++)
                {
                    if (IsLiveNode(nodes, children, children[i], states, age, sex, finding))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// Evaluates a node as <see cref="EvaluateNode"/> does, writing its outcome and every descendant counting node's into
    /// <paramref name="scratch"/> (the only outcomes <see cref="MarkRecordedNode"/> reads).
    /// </summary>
    private static int RecordNode(Node[] nodes, int[] children, int index, ReadOnlySpan<FindingState> states, int age, Sex sex, Span<int> scratch)
    {
        var node = nodes[index];
        if (node.Kind != NodeKind.Count)
        {
            return EvaluateNode(nodes, children, index, states, age, sex);
        }

        int met = 0, notMet = 0;
        for (var i = node.B; i < node.B + node.C; i++)
        {
            var child = nodes[children[i]];

            // Most parts are single findings: decide them here rather than through a call, as EvaluateNode does.
            var part = child.Kind == NodeKind.Finding
                ? states[child.A] == FindingState.Unknown ? Undecided : (int)states[child.A] == child.B ? Met : NotMet
                : RecordNode(nodes, children, children[i], states, age, sex, scratch);
            met += part == Met ? 1 : 0;
            notMet += part == NotMet ? 1 : 0;
        }

        var outcome = met >= node.A ? Met : node.C - notMet < node.A ? NotMet : Undecided;
        scratch[index] = outcome;
        return outcome;
    }

    /// <summary>Marks the unknown findings under a node through undecided counting nodes only, reading the outcomes <see cref="RecordNode"/> wrote.</summary>
    private static void MarkRecordedNode(Node[] nodes, int[] children, int index, ReadOnlySpan<FindingState> states, ReadOnlySpan<int> scratch, Span<bool> live)
    {
        var node = nodes[index];
        if (node.Kind == NodeKind.Finding)
        {
            if (states[node.A] == FindingState.Unknown)
            {
                live[node.A] = true;
            }
        }
        else if (node.Kind == NodeKind.Count && scratch[index] == Undecided)
        {
            for (var i = node.B; i < node.B + node.C; i++)
            {
                var child = nodes[children[i]];
                if (child.Kind != NodeKind.Finding)
                {
                    MarkRecordedNode(nodes, children, children[i], states, scratch, live);
                }
                else if (states[child.A] == FindingState.Unknown)
                {
                    live[child.A] = true;
                }
            }
        }
    }

    private static double ProgressNode(Node[] nodes, int[] children, int index, ReadOnlySpan<FindingState> states, int age, Sex sex)
    {
        var outcome = EvaluateNode(nodes, children, index, states, age, sex);
        var node = nodes[index];
        if (outcome != Undecided || node.Kind != NodeKind.Count)
        {
            return outcome == Met ? 1 : 0;
        }

        var live = new List<double>(node.C);
        for (var i = node.B; i < node.B + node.C; i++)
        {
            if (EvaluateNode(nodes, children, children[i], states, age, sex) != NotMet)
            {
                live.Add(ProgressNode(nodes, children, children[i], states, age, sex));
            }
        }

        live.Sort();
        live.Reverse();
        return live.Take(node.A).Sum() / node.A;
    }

    private static bool HasMetLeaf(Node[] nodes, int[] children, int index, ReadOnlySpan<FindingState> states, int age, Sex sex)
    {
        var outcome = EvaluateNode(nodes, children, index, states, age, sex);
        if (nodes[index].Kind != NodeKind.Count || outcome == NotMet)
        {
            return outcome == Met;
        }

        var node = nodes[index];
        for (var i = node.B; i < node.B + node.C; i++)
        {
            if (HasMetLeaf(nodes, children, children[i], states, age, sex))
            {
                return true;
            }
        }

        return false;
    }

    private int AddNode(Criterion criterion, IReadOnlyDictionary<string, int> findingIndex)
    {
        switch (criterion)
        {
            case FindingCriterion f:
                nodes.Add(new Node(NodeKind.Finding, findingIndex[f.FindingId], (int)f.Expected, 0));
                return nodes.Count - 1;
            case AgeCriterion a:
                nodes.Add(new Node(NodeKind.Age, a.Minimum ?? int.MinValue, a.Maximum ?? int.MaxValue, 0));
                return nodes.Count - 1;
            case SexCriterion s:
                nodes.Add(new Node(NodeKind.Sex, (int)s.Sex, 0, 0));
                return nodes.Count - 1;
            case CountCriterion c:
                var parts = c.Parts.Select(p => AddNode(p, findingIndex)).ToArray();
                var first = children.Count;
                children.AddRange(parts);
                nodes.Add(new Node(NodeKind.Count, c.Minimum, first, parts.Length));
                return nodes.Count - 1;
            default:
                throw new NotSupportedException($"Unsupported criterion type {criterion.GetType().Name}.");
        }
    }

    /// <summary>
    /// One node. Finding: A = finding index, B = expected state. Age: A = minimum, B = maximum (inclusive).
    /// Sex: A = the sex. Count: A = minimum, B = first slot in the child array, C = number of parts.
    /// </summary>
    private readonly record struct Node(NodeKind Kind, int A, int B, int C);
}
