using System.CommandLine;
using System.Globalization;
using HipPain.Rules.Serialization;
using Spectre.Console;

namespace HipPain.Rules.Cli.Commands;

/// <summary><c>hippain kb show | schema | findings</c>: the knowledge base's stamp and counts, the JSON schemas, the finding codes.</summary>
internal static class KbCommand
{
    /// <summary>The schema names <c>kb schema</c> accepts, with their text.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string>> Schemas = new Dictionary<string, Func<string>>(StringComparer.Ordinal)
    {
        ["knowledge-base"] = () => JsonSchemas.KnowledgeBase,
        ["overlay"] = () => JsonSchemas.Overlay,
        ["case"] = () => JsonSchemas.Case,
        ["text-pack"] = () => JsonSchemas.TextPack,
        ["triage-result"] = () => JsonSchemas.TriageResult,
        ["interview-step"] = () => JsonSchemas.InterviewStep,
        ["interview-state"] = () => JsonSchemas.InterviewState,
    };

    /// <summary>Creates the command.</summary>
    /// <param name="console">The streams.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var command = new Command("kb", """
            Show the knowledge base (built-in, or --pack with --overlay applied): its stamp and counts, the JSON schemas
            of the formats, the finding codes with their questions, and the base itself as a JSON pack.

            Examples:
              hippain kb show
              hippain kb show --overlay samples/packs/endurance-clinic.overlay.json
              hippain kb schema case > case.v1.schema.json
              hippain kb findings
              hippain kb export > base.json
            """);
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Schema(console));
        command.Subcommands.Add(Findings(console));
        command.Subcommands.Add(Export(console));
        return command;
    }

    private static Command Export(CliConsole console) => OnKnowledgeBase(console, "export", "Write the base (built-in, or --pack with --overlay applied) as one knowledge-base JSON pack: a starting point for a clinic's own pack, or a candidate for 'hippain replay'.\n\nExamples:\n  hippain kb export > base.json\n  hippain kb export --overlay clinic.overlay.json > clinic-base.json", kb =>
    {
        console.Out.WriteLine(KnowledgeBaseJson.Write(kb));
    });

    private static Command Show(CliConsole console) => OnKnowledgeBase(console, "show", "The base's id, version, title, content hash, the bases it was derived from, and its counts.\n\nExample:\n  hippain kb show --pack my-base.json", kb =>
    {
        var inv = CultureInfo.InvariantCulture;
        var o = console.Out;
        o.WriteLine($"id:          {kb.Id}");
        o.WriteLine($"version:     {kb.Version}");
        o.WriteLine($"title:       {kb.Title ?? "(none)"}");
        o.WriteLine($"hash:        {kb.ContentHash}");
        foreach (var stamp in kb.DerivedFrom)
        {
            o.WriteLine($"derived from: {stamp.Id} {stamp.Version} ({stamp.ContentHash})");
        }

        o.WriteLine(string.Create(inv, $"causes:      {kb.Causes.Length}"));
        o.WriteLine(string.Create(inv, $"findings:    {kb.Findings.Length}"));
        o.WriteLine(string.Create(inv, $"rules:       {kb.Rules.Length}"));
        o.WriteLine(string.Create(inv, $"red flags:   {kb.RedFlags.Length}"));
        o.WriteLine(string.Create(inv, $"treatments:  {kb.Treatments.Length}"));
    });

    /// <summary>A subcommand that loads the knowledge base (<c>--pack</c>, <c>--overlay</c>) and runs <paramref name="run"/> on it.</summary>
    private static Command OnKnowledgeBase(CliConsole console, string name, string description, Action<Model.KnowledgeBase> run)
    {
        var knowledge = new KnowledgeOptions();
        var command = new Command(name, description);
        knowledge.AddTo(command);
        command.SetAction(p => HippainApp.Guarded(console, () =>
        {
            run(knowledge.Load(p, console));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Schema(CliConsole console)
    {
        var name = new Argument<string?>("NAME")
        {
            Description = "The format: " + string.Join(", ", Schemas.Keys) + ". Without it, the names are listed.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        name.AcceptOnlyFromAmong([.. Schemas.Keys]);
        var command = new Command("schema", "Write a format's JSON Schema (draft 2020-12) to standard output, or list the formats.\n\nExamples:\n  hippain kb schema\n  hippain kb schema overlay > overlay.v1.schema.json")
        {
            name,
        };
        command.SetAction(p =>
        {
            var chosen = p.GetValue(name);
            if (chosen is null)
            {
                foreach (var key in Schemas.Keys)
                {
                    console.Out.WriteLine(key);
                }
            }
            else
            {
                console.Out.WriteLine(Schemas[chosen]());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Findings(CliConsole console) => OnKnowledgeBase(console, "findings", "List the finding codes a case may use, with their kind, name and question.\n\nExample:\n  hippain kb findings | grep exam.", kb =>
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("code").AddColumn("kind").AddColumn("name").AddColumn("question");
        foreach (var finding in kb.Findings)
        {
            table.AddRow(Markup.Escape(finding.Id), finding.Kind.ToString(), Markup.Escape(finding.Name), Markup.Escape(finding.Question ?? string.Empty));
        }

        var ansi = console.CreateAnsiConsole();
        if (!console.IsTerminal)
        {
            ansi.Profile.Width = 240;
        }

        ansi.Write(table);
    });
}
