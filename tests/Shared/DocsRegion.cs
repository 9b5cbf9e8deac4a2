namespace HipPain.Rules.TestKit;

/// <summary>
/// The one reading of a code region that a document quotes: the lines between a <c>// docs:name</c> line and the next
/// <c>// docs:end</c> line, for the tests that check docs quote the code verbatim.
/// </summary>
internal static class DocsRegion
{
    /// <summary>The lines between "// docs:<paramref name="name"/>" and "// docs:end" in <paramref name="source"/>, without their common indentation.</summary>
    public static string Of(string source, string name)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "// docs:" + name);
        Assert.True(start >= 0, $"The source has no region '// docs:{name}'.");
        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "// docs:end");
        Assert.True(end > start, $"The region '// docs:{name}' has no '// docs:end'.");
        var body = lines[(start + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).DefaultIfEmpty("").Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
    }
}
