using System.Text;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// The size bound counts every text and every repeated item the JSON form writes: a base whose bulk sits in one
/// field must still be bounded from above, or <c>Build</c> would accept a base that its own reader refuses.
/// </summary>
public sealed class JsonSizeBoundFieldTests
{
    private static readonly string Long = new('x', 20_000);
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    /// <summary>A small base with <see cref="Long"/> in the one field <paramref name="field"/> names.</summary>
    private static KnowledgeBaseBuilder With(string field)
    {
        string? Text(string name) => field == name ? Long : null;
        var evidence = new Evidence(
            field.EndsWith(".citation", StringComparison.Ordinal) ? Long : "Source",
            EvidenceLevel.CohortStudy,
            VerificationStatus.VerifiedPrimary,
            field.EndsWith(".evidenceNote", StringComparison.Ordinal) ? Long : null);
        return new KnowledgeBaseBuilder(Text("id") ?? "kb", Text("version") ?? "1", Text("title"))
            .AddFinding(Text("finding.id") ?? "a", Text("finding.name") ?? "A", FindingKind.Symptom, BodyRegion.None, Text("finding.question"), Text("finding.patientQuestion"))
            .AddTreatment("tx", Text("treatment.name") ?? "Exercise", TreatmentKind.Physiotherapy, field.StartsWith("treatment.", StringComparison.Ordinal) ? evidence : Source, Text("treatment.description"))
            .AddCause("c", Text("cause.name") ?? "Cause", c =>
            {
                c.Describe(Text("cause.description")).Codes(Text("cause.icd10"), Text("cause.snomedCt"))
                    .Prior(0.2, field.StartsWith("prior.", StringComparison.Ordinal) ? evidence : Source)
                    .Composite(Text("rule.id") ?? "c/r", Criterion.Present(Text("finding.id") ?? "a"), 2, 0.5, field.StartsWith("rule.", StringComparison.Ordinal) ? evidence : Source, Text("rule.description"))
                    .Treat("tx", TreatmentLine.FirstLine, Text("recommendation.note"), field.StartsWith("recommendation.", StringComparison.Ordinal) ? evidence : null)
                    .Group(Text("group.id") ?? "g", Text("group.name") ?? "Group", g => g.Member(Text("rule.id") ?? "c/r"));
                if (Text("cause.running") is { } running)
                {
                    c.Running(RunningRestriction.ContinueAsTolerated, running);
                }
            })
            .AddRedFlag("rf", Text("flag.name") ?? "Flag", f =>
            {
                f.When(Criterion.Present(Text("finding.id") ?? "a")).Urgency(Urgency.Urgent).Action(Text("flag.action") ?? "Act")
                    .Suspect("c").Evidence(field.StartsWith("flag.", StringComparison.Ordinal) ? evidence : Source);
                if (Text("flag.running") is { } running)
                {
                    f.Running(RunningRestriction.StopRunning, running);
                }
            });
    }

    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("title")]
    [InlineData("finding.id")]
    [InlineData("finding.name")]
    [InlineData("finding.question")]
    [InlineData("finding.patientQuestion")]
    [InlineData("treatment.name")]
    [InlineData("treatment.description")]
    [InlineData("treatment.citation")]
    [InlineData("treatment.evidenceNote")]
    [InlineData("cause.name")]
    [InlineData("cause.description")]
    [InlineData("cause.icd10")]
    [InlineData("cause.snomedCt")]
    [InlineData("cause.running")]
    [InlineData("prior.citation")]
    [InlineData("rule.id")]
    [InlineData("rule.description")]
    [InlineData("rule.evidenceNote")]
    [InlineData("group.id")]
    [InlineData("group.name")]
    [InlineData("recommendation.note")]
    [InlineData("recommendation.citation")]
    [InlineData("flag.name")]
    [InlineData("flag.action")]
    [InlineData("flag.running")]
    [InlineData("flag.evidenceNote")]
    [InlineData("flag.citation")]
    public void Of_LongTextInOneField_AtLeastTheWrittenBytes(string field)
    {
        var builder = With(field);

        var bound = JsonSizeBound.Of(builder);
        var written = Encoding.UTF8.GetByteCount(KnowledgeBaseJson.Write(DraftConversion.ToKnowledgeBase(builder)));

        Assert.True(written > Long.Length, $"{field}: the long text is not written ({written} bytes)");
        Assert.True(bound >= written, $"{field}: bound {bound} < written {written}");
    }

    [Fact]
    public void Of_GradedRuleWithManyLongRatios_AtLeastTheWrittenBytes()
    {
        var parts = Enumerable.Range(0, 400).Select(i => Criterion.Present($"f{i}")).ToArray();
        var builder = new KnowledgeBaseBuilder("kb", "1").AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        foreach (var part in parts)
        {
            builder.AddFinding(part.FindingId, "F", FindingKind.Symptom);
        }

        builder.AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx")
            .Graded("c/g", parts, Enumerable.Range(0, parts.Length + 1).Select(k => (double?)(1.2345678901234567E-300 * (k + 1))), Source));

        var bound = JsonSizeBound.Of(builder);
        var written = Encoding.UTF8.GetByteCount(KnowledgeBaseJson.Write(DraftConversion.ToKnowledgeBase(builder)));

        Assert.True(bound >= written, $"bound {bound} < written {written}");
    }

    [Fact]
    public void Of_EmergencyFlagWithTheDefaultRunningAdvice_AtLeastTheWrittenBytes()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").SuspectedUrgency(Urgency.Emergency))
            .AddRedFlag("rf", "Flag", f => f.When(Criterion.Present("a")).Urgency(Urgency.Emergency).Action("Act").Suspect("c").Evidence(Source));

        var bound = JsonSizeBound.Of(builder);
        var written = Encoding.UTF8.GetByteCount(KnowledgeBaseJson.Write(DraftConversion.ToKnowledgeBase(builder)));

        Assert.True(bound >= written, $"bound {bound} < written {written}");
    }

    private static long Written(KnowledgeBaseBuilder builder) =>
        Encoding.UTF8.GetByteCount(KnowledgeBaseJson.Write(DraftConversion.ToKnowledgeBase(builder)));

    /// <summary>A base whose <paramref name="where"/> id is 3,000 'é' (written as \u00E9, 6 bytes each), used wherever the base refers to it.</summary>
    private static KnowledgeBaseBuilder WithEscapedId(string where)
    {
        var escaped = new string('\u00E9', 3_000);
        string Id(string name, string plain) => where == name ? escaped : plain;
        return new KnowledgeBaseBuilder(Id("base", "kb"), "1")
            .AddFinding(Id("finding", "a"), "A", FindingKind.Symptom)
            .AddTreatment(Id("treatment", "tx"), "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause(Id("cause", "c"), "Cause", c => c.Prior(0.2, Source).Treat(Id("treatment", "tx")).Finding(Id("finding", "a"), 2, 0.5, Source))
            .AddRedFlag(Id("flag", "rf"), "Flag", f => f.When(Criterion.Present(Id("finding", "a"))).Urgency(Urgency.Urgent).Action("Act")
                .Suspect(Id("cause", "c")).Evidence(Source));
    }

    [Theory]
    [InlineData("base")]
    [InlineData("finding")]
    [InlineData("treatment")]
    [InlineData("cause")]
    [InlineData("flag")]
    public void Of_IdOfEscapedCharacters_AtLeastTheWrittenBytes(string where)
    {
        var builder = WithEscapedId(where);

        var bound = JsonSizeBound.Of(builder);
        var written = Written(builder);

        Assert.True(written > 6 * 3_000, $"{where}: the id is not written escaped ({written} bytes)");
        Assert.True(bound >= written, $"{where}: bound {bound} < written {written}");
    }

    [Fact]
    public void Of_GradedTableLongerThanItsParts_AtLeastTheWrittenBytes()
    {
        // Drafts as given, unvalidated: one part and 4,000 ratios, so that the ratios dominate the written size.
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx")
                .Graded("c/g", [Criterion.Present("a")], Enumerable.Range(1, 4_000).Select(k => (double?)(1.2345678901234567E-300 * k)), Source));

        var bound = JsonSizeBound.Of(builder);
        var written = Written(builder);

        Assert.True(bound >= written, $"bound {bound} < written {written}");
    }

    [Theory]
    [InlineData("sex")]
    [InlineData("age")]
    public void Of_CompositeOfManyAgeOrSexParts_AtLeastTheWrittenBytes(string kind)
    {
        // 999 parts of one kind in one composite, so that their allowance is most of the bound (age bands with the
        // longest numbers a valid base has).
        var parts = Enumerable.Range(0, KnowledgeBaseLimits.MaximumCriterionSize - 1)
            .Select(i => kind == "sex" ? (Criterion)Criterion.SexIs(i % 2 == 0 ? Sex.Female : Sex.Male) : Criterion.AgeBetween(100 + (i % 20), 120))
            .ToArray();
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").Composite($"c/{kind}", Criterion.AnyOf(parts), 2, 0.5, Source));

        var bound = JsonSizeBound.Of(builder);
        var written = Written(builder);

        Assert.True(bound >= written, $"{kind}: bound {bound} < written {written}");
    }

    [Fact]
    public void Of_GradedRuleWithLongPartIds_CountsItsParts()
    {
        // The parts of a graded rule are written inside it: ten parts whose finding ids are 2,000 characters long
        // make up half the written size, so a bound that skipped them would fall below it.
        var ids = Enumerable.Range(0, 10).Select(i => $"f{i}".PadRight(2_000, 'x')).ToArray();
        var builder = new KnowledgeBaseBuilder("kb", "1").AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        foreach (var id in ids)
        {
            builder.AddFinding(id, "F", FindingKind.Symptom);
        }

        builder.AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx")
            .Graded("c/g", [.. ids.Select(id => (Criterion)Criterion.Present(id))], Enumerable.Range(0, ids.Length + 1).Select(k => (double?)(1 + k)), Source));

        var bound = JsonSizeBound.Of(builder);
        var written = Written(builder);

        Assert.True(written > 2 * 10 * 2_000, $"the part ids are not written twice ({written} bytes)");
        Assert.True(bound >= written, $"bound {bound} < written {written}");
    }

    [Fact]
    public void Of_LongProseWithCommonPunctuation_CountsItOneByteACharacter()
    {
        // Letters, digits, space and . , ; : - _ ( ) / are written as themselves: a long description of them adds
        // its length to the bound, no more, so a base of plain prose is not refused for a size it does not have.
        var prose = string.Concat(Enumerable.Repeat("a .,;:-_()/", 2_000));
        var plain = new string('a', prose.Length);
        KnowledgeBaseBuilder With(string description) => new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").Describe(description));

        Assert.Equal(Written(With(plain)), Written(With(prose)));
        Assert.Equal(JsonSizeBound.Of(With(plain)), JsonSizeBound.Of(With(prose)));
    }
}
