using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// <see cref="CriterionProgram.EvaluateAndMarkLive"/> (one pass per criterion, used by the interviewer) gives the outcome
/// of <see cref="CriterionProgram.Evaluate"/> and marks exactly the findings for which <see cref="CriterionProgram.IsLive"/>
/// (one walk per finding) is true.
/// </summary>
[Properties(Arbitrary = [typeof(RandomWorlds)], MaxTest = 200)]
public sealed class CriterionProgramLiveTests
{
    [Property]
    public Property EvaluateAndMarkLive_RandomWorldEveryGateAndRule_EqualsEvaluateAndIsLive(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var compiled = engine.Compiled;
        var program = compiled.Program;
        var states = new FindingState[engine.FindingCount];
        engine.CopyStates(world.Case, states);
        var age = world.Case.Age ?? CriterionProgram.NoAge;
        var scratch = new int[program.NodeCount];
        var roots = compiled.RedFlags.Select(g => g.Root).Concat(compiled.Tables.RuleRoot).ToArray();
        var mismatches = new List<string>();
        var undecided = 0;
        foreach (var root in roots)
        {
            var live = new bool[engine.FindingCount];
            var outcome = program.EvaluateAndMarkLive(root, states, age, world.Case.Sex, scratch, live);
            if (outcome != program.Evaluate(root, states, age, world.Case.Sex))
            {
                mismatches.Add($"root {root}: outcome {outcome}");
            }

            undecided += outcome == CriterionProgram.Undecided ? 1 : 0;
            for (var f = 0; f < live.Length; f++)
            {
                if (live[f] != program.IsLive(root, states, age, world.Case.Sex, f))
                {
                    mismatches.Add($"root {root}, finding {f}: marked {live[f]}");
                }
            }
        }

        return (mismatches.Count == 0).Label($"{world}: {string.Join("; ", mismatches.Take(5))}").Classify(undecided > 0, "some criterion undecided");
    }
}
