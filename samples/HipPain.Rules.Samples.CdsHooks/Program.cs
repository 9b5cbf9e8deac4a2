// A clinic app offering the HipPain.Rules CDS Hooks service (docs/fhir.md). The mapping below is an example of a
// clinic's own table: which codes it records and where its thresholds lie are the clinic's decisions.
using HipPain.Rules.Fhir;
using HipPain.Rules.Fhir.CdsHooks;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Scoring;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var mapping = new ObservationMapping(
[
    ObservationMappingEntry.WhenCoded("http://snomed.info/sct", "386661006", "sym.fever"),
    ObservationMappingEntry.WhenAtLeast("http://loinc.org", "8310-5", 38m, "Cel", "sym.fever"),
]);
app.MapHipPainCdsHooks(new CdsHooksOptions
{
    Engine = new TriageEngine(BuiltInKnowledgeBase.Instance),
    Mapping = mapping,
    TimeProvider = app.Services.GetService<TimeProvider>() ?? TimeProvider.System,
});

app.Run();
