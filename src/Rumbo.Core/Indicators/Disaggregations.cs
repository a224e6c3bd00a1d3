namespace Rumbo.Core.Indicators;

/// <summary>
/// The dimensions values may be broken down by and their values, as codes that files, the API and SDMX exports use;
/// their labels are interface strings (the English label is the key). A breakdown is written as
/// <c>dimension=value</c> pairs in the catalogue's order, joined by <c>;</c>: "sex=female;area=urban". The total is
/// the empty breakdown.
/// </summary>
public static class Disaggregations
{
    public sealed record Dimension(string Code, string Label, IReadOnlyList<DimensionValue> Values);

    public sealed record DimensionValue(string Code, string Label);

    public static readonly IReadOnlyList<Dimension> All =
    [
        new("sex", "Sex", [new("female", "Female"), new("male", "Male")]),
        new("age", "Age group", [new("0-14", "0 to 14 years"), new("15-24", "15 to 24 years"), new("25-64", "25 to 64 years"), new("65+", "65 years and over")]),
        new("area", "Area", [new("urban", "Urban"), new("rural", "Rural")]),
    ];

    public static Dimension? Find(string code) => All.FirstOrDefault(d => d.Code == code);

    /// <summary>The dimension codes of a version's <see cref="IndicatorVersion.Dimensions"/>, known ones only, in the catalogue's order.</summary>
    public static IReadOnlyList<Dimension> Of(string dimensions)
    {
        var codes = dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return All.Where(d => codes.Contains(d.Code, StringComparer.Ordinal)).ToList();
    }

    public static string Join(IEnumerable<string> dimensionCodes) =>
        string.Join(',', All.Where(d => dimensionCodes.Contains(d.Code, StringComparer.Ordinal)).Select(d => d.Code));

    /// <summary>Writes a breakdown from (dimension, value) pairs: catalogue order, empty values left out.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = pairs.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return string.Join(';', All.Where(d => map.ContainsKey(d.Code)).Select(d => $"{d.Code}={map[d.Code]}"));
    }

    /// <summary>The (dimension, value) pairs of a breakdown as written by <see cref="Write"/>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string breakdown)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in breakdown.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) result[part[..eq]] = part[(eq + 1)..];
        }
        return result;
    }

    /// <summary>
    /// Reads a breakdown against the dimensions a version allows: null with the problem's message key and its
    /// argument when a dimension is not the version's or a value is not the dimension's. Empty values are left out.
    /// </summary>
    public static (string? Breakdown, string? Problem, string? Argument) Check(IReadOnlyList<Dimension> allowed, IReadOnlyDictionary<string, string?> pairs)
    {
        // Called for every row of an import (a million rows): no allocation for the total, one string otherwise.
        string? result = null;
        foreach (var d in All)
        {
            if (!pairs.TryGetValue(d.Code, out var raw) || string.IsNullOrWhiteSpace(raw)) continue;
            var value = raw.Trim();
            var permitted = false;
            foreach (var a in allowed) permitted |= ReferenceEquals(a, d) || a.Code == d.Code;
            if (!permitted) return (null, "This indicator is not broken down by {0}.", d.Code);
            var known = false;
            foreach (var v in d.Values) known |= v.Code == value;
            if (!known) return (null, "{0} is not a value of this breakdown.", value);
            result = result is null ? $"{d.Code}={value}" : $"{result};{d.Code}={value}";
        }
        foreach (var key in pairs.Keys)
        {
            if (Find(key) is null && !string.IsNullOrWhiteSpace(pairs[key])) return (null, "This indicator is not broken down by {0}.", key);
        }
        return (result ?? "", null, null);
    }

    /// <summary>The breakdowns a series is reported by: the total, then each combination of one value per dimension.</summary>
    public static IReadOnlyList<string> Breakdowns(IReadOnlyList<Dimension> dimensions)
    {
        var result = new List<string> { "" };
        if (dimensions.Count == 0) return result;
        IEnumerable<IEnumerable<KeyValuePair<string, string>>> combos = [[]];
        foreach (var d in dimensions)
        {
            combos = combos.SelectMany(c => d.Values.Select(v => c.Append(new KeyValuePair<string, string>(d.Code, v.Code))));
        }
        result.AddRange(combos.Select(Write));
        return result;
    }
}
