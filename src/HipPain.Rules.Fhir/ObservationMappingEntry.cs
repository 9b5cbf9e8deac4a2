using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir;

/// <summary>How an <see cref="ObservationMappingEntry"/> reads an Observation's value.</summary>
public enum ObservationValueMatch
{
    /// <summary>The Observation's code alone gives the state, whatever its value (for example a coded "fever" finding).</summary>
    AnyValue = 0,

    /// <summary>A <c>valueCodeableConcept</c> with one coding of <see cref="ObservationMappingEntry.ValueSystem"/> and <see cref="ObservationMappingEntry.ValueCode"/> gives the state.</summary>
    CodedValue = 1,

    /// <summary>A <c>valueBoolean</c>: true gives present, false absent.</summary>
    BooleanValue = 2,

    /// <summary>A <c>valueQuantity</c> in <see cref="ObservationMappingEntry.Unit"/>: at least <see cref="ObservationMappingEntry.Threshold"/> gives present, below it absent.</summary>
    QuantityAtLeast = 3,
}

/// <summary>
/// One row of a clinic's mapping table: Observations with this code (system and code), and a value that matches, give
/// a finding a state.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record ObservationMappingEntry
{
    private ObservationMappingEntry(string system, string code, string findingId, ObservationValueMatch match)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(findingId);
        System = system;
        Code = code;
        FindingId = findingId;
        Match = match;
    }

    /// <summary>The code system of the Observation's code, for example <c>http://loinc.org</c>.</summary>
    public string System { get; }

    /// <summary>The Observation's code in <see cref="System"/>.</summary>
    public string Code { get; }

    /// <summary>The finding code in the knowledge base.</summary>
    public string FindingId { get; }

    /// <summary>How the value is read.</summary>
    public ObservationValueMatch Match { get; }

    /// <summary>The state given when the value matches (<see cref="ObservationValueMatch.AnyValue"/> and <see cref="ObservationValueMatch.CodedValue"/>).</summary>
    public FindingState State { get; private init; } = FindingState.Present;

    /// <summary>The value's code system (<see cref="ObservationValueMatch.CodedValue"/>); null otherwise.</summary>
    public string? ValueSystem { get; private init; }

    /// <summary>The value's code (<see cref="ObservationValueMatch.CodedValue"/>); null otherwise.</summary>
    public string? ValueCode { get; private init; }

    /// <summary>The threshold (<see cref="ObservationValueMatch.QuantityAtLeast"/>); null otherwise.</summary>
    public decimal? Threshold { get; private init; }

    /// <summary>The UCUM unit code the quantity must be in (<see cref="ObservationValueMatch.QuantityAtLeast"/>), for example <c>Cel</c>; null otherwise.</summary>
    public string? Unit { get; private init; }

    /// <summary>Observations with this code give the finding a state, whatever their value.</summary>
    /// <param name="system">The code system.</param>
    /// <param name="code">The code.</param>
    /// <param name="findingId">The finding code.</param>
    /// <param name="state">The state given; present unless said.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">A text is null, empty or white space.</exception>
    public static ObservationMappingEntry WhenCoded(string system, string code, string findingId, FindingState state = FindingState.Present) =>
        new(system, code, findingId, ObservationValueMatch.AnyValue) { State = state };

    /// <summary>Observations with this code and this coded value give the finding a state.</summary>
    /// <param name="system">The code system.</param>
    /// <param name="code">The code.</param>
    /// <param name="valueSystem">The value's code system.</param>
    /// <param name="valueCode">The value's code.</param>
    /// <param name="findingId">The finding code.</param>
    /// <param name="state">The state given.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">A text is null, empty or white space.</exception>
    public static ObservationMappingEntry WhenValueCoded(string system, string code, string valueSystem, string valueCode, string findingId, FindingState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(valueSystem);
        ArgumentException.ThrowIfNullOrWhiteSpace(valueCode);
        return new(system, code, findingId, ObservationValueMatch.CodedValue) { State = state, ValueSystem = valueSystem, ValueCode = valueCode };
    }

    /// <summary>Observations with this code and a boolean value: true gives present, false absent.</summary>
    /// <param name="system">The code system.</param>
    /// <param name="code">The code.</param>
    /// <param name="findingId">The finding code.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">A text is null, empty or white space.</exception>
    public static ObservationMappingEntry WhenBoolean(string system, string code, string findingId) =>
        new(system, code, findingId, ObservationValueMatch.BooleanValue);

    /// <summary>Observations with this code and a quantity in <paramref name="unit"/>: at least <paramref name="threshold"/> gives present, below it absent.</summary>
    /// <param name="system">The code system.</param>
    /// <param name="code">The code.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="unit">The UCUM unit code, for example <c>Cel</c> or <c>mg/L</c>.</param>
    /// <param name="findingId">The finding code.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">A text is null, empty or white space.</exception>
    public static ObservationMappingEntry WhenAtLeast(string system, string code, decimal threshold, string unit, string findingId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        return new(system, code, findingId, ObservationValueMatch.QuantityAtLeast) { Threshold = threshold, Unit = unit };
    }

    /// <inheritdoc />
    public override string ToString() => Match switch
    {
        ObservationValueMatch.CodedValue => $"{System}|{Code} = {ValueSystem}|{ValueCode} -> {FindingId} {State}",
        ObservationValueMatch.BooleanValue => $"{System}|{Code} = true/false -> {FindingId} present/absent",
        ObservationValueMatch.QuantityAtLeast => string.Create(CultureInfo.InvariantCulture, $"{System}|{Code} >= {Threshold} {Unit} -> {FindingId} present/absent"),
        _ => $"{System}|{Code} -> {FindingId} {State}",
    };
}
