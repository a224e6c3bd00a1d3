using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rumbo.Web.Infrastructure;

/// <summary>
/// Errors shown by their field: the input points at its message with aria-describedby and is marked
/// aria-invalid, so a screen reader reads the message with the field. The input's id is the field's name.
/// </summary>
public static class Forms
{
    /// <summary>ModelState key of the errors about the whole form rather than one field.</summary>
    public const string FormKey = "";

    public static string ErrorId(string field) => field + "-error";

    public static bool HasError(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public static string? Invalid(this ModelStateDictionary state, string field) => state.HasError(field) ? "true" : null;

    /// <summary>The ids that describe the field: its help text, if any, then its error.</summary>
    public static string? DescribedBy(this ModelStateDictionary state, string field, params string[] others)
    {
        var ids = others.Where(o => !string.IsNullOrEmpty(o)).ToList();
        if (state.HasError(field)) ids.Add(ErrorId(field));
        if (state.HasError(FormKey)) ids.Add(ErrorId("form"));
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static IHtmlContent ErrorFor(this ModelStateDictionary state, string field)
    {
        if (!state.TryGetValue(field, out var entry) || entry.Errors.Count == 0) return HtmlString.Empty;
        var text = string.Join(" ", entry.Errors.Select(e => e.ErrorMessage));
        return new HtmlString($"<p id=\"{ErrorId(field)}\" class=\"field-error\">{WebUtility.HtmlEncode(text)}</p>");
    }

    /// <summary>The form-level error, announced when the page comes back with it.</summary>
    public static IHtmlContent FormError(this ModelStateDictionary state)
    {
        if (!state.TryGetValue(FormKey, out var entry) || entry.Errors.Count == 0) return HtmlString.Empty;
        var text = string.Join(" ", entry.Errors.Select(e => e.ErrorMessage));
        return new HtmlString($"<p id=\"{ErrorId("form")}\" class=\"form-error\" role=\"alert\">{WebUtility.HtmlEncode(text)}</p>");
    }

    /// <summary>
    /// Replaces the model binder's messages (English, naming properties) with one in the interface language:
    /// they only come from tampered or mistyped values of selects and dates.
    /// </summary>
    public static void ReplaceBindingErrors(this ModelStateDictionary state, string message)
    {
        foreach (var (key, entry) in state.ToList())
        {
            if (entry is null || entry.Errors.Count == 0) continue;
            entry.Errors.Clear();
            state.AddModelError(key, message);
        }
    }
}
