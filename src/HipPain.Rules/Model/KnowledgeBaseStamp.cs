namespace HipPain.Rules.Model;

/// <summary>A knowledge base's identity: id, version and clinical content hash. Equal stamps name the same clinical content.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record KnowledgeBaseStamp
{
    /// <summary>Creates a stamp.</summary>
    /// <param name="id">The knowledge base's id.</param>
    /// <param name="version">The knowledge base's version.</param>
    /// <param name="contentHash">The knowledge base's <see cref="KnowledgeBase.ContentHash"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public KnowledgeBaseStamp(string id, string version, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(contentHash);
        Id = id;
        Version = version;
        ContentHash = contentHash;
    }

    /// <summary>The knowledge base's id.</summary>
    public string Id { get; }

    /// <summary>The knowledge base's version.</summary>
    public string Version { get; }

    /// <summary>The knowledge base's <see cref="KnowledgeBase.ContentHash"/>.</summary>
    public string ContentHash { get; }

    /// <summary><c>id version (hash)</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Id} {Version} ({ContentHash})";
}
