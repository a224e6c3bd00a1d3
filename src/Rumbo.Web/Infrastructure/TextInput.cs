using System.ComponentModel.DataAnnotations;
using Rumbo.Core.Agendas;

namespace Rumbo.Web.Infrastructure;

/// <summary>A text as edited in a form: the source and its four translations.</summary>
public sealed class TextInput
{
    [Required(ErrorMessage = "The text is required.")]
    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? Source { get; set; }

    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? En { get; set; }

    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? Es { get; set; }

    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? Pt { get; set; }

    [StringLength(4000, ErrorMessage = "The text is longer than 4000 characters.")]
    public string? Fr { get; set; }

    public static TextInput From(LocalizedText t) => new() { Source = t.Source, En = t.En, Es = t.Es, Pt = t.Pt, Fr = t.Fr };

    /// <summary>Whitespace is normalized as the importers do; an empty translation means none.</summary>
    public void ApplyTo(LocalizedText t)
    {
        t.Source = Clean(Source) ?? string.Empty;
        t.En = Clean(En);
        t.Es = Clean(Es);
        t.Pt = Clean(Pt);
        t.Fr = Clean(Fr);
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
