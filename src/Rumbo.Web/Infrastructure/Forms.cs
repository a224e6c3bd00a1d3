using System.Net;
using Microsoft.AspNetCore.Html;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Rumbo.Core.Validation;

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

    /// <summary>
    /// Replaces the model binder's messages (English, naming properties) with one in the interface language:
    /// they only come from tampered or mistyped values of selects and dates.
    /// </summary>
    public static void ReplaceBindingErrors(this ModelStateDictionary state, ValidationMessage message)
    {
        foreach (var (key, entry) in state.ToList())
        {
            if (entry is null || entry.Errors.Count == 0) continue;
            entry.Errors.Clear();
            state.AddMessage(key, message);
        }
    }

    /// <summary>Puts a message by the field: a key of the interface strings and the arguments of its placeholders.</summary>
    public static void AddMessage(this ModelStateDictionary state, string field, string key, params object[] arguments) =>
        state.AddMessage(field, new ValidationMessage(key, arguments));

    public static void AddMessage(this ModelStateDictionary state, string field, ValidationMessage message)
    {
        state.AddModelError(field, message.Key);
        // The model state holds strings; the error is swapped for one that keeps the arguments with the key.
        if (state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 && entry.Errors[^1].ErrorMessage == message.Key)
            entry.Errors[^1] = new MessageError(message);
    }

    /// <summary>The messages by the field; an error the binder put there is a message whose key is its text.</summary>
    public static IReadOnlyList<ValidationMessage> Messages(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry)
            ? entry.Errors.Select(e => e is MessageError m ? m.Message : new ValidationMessage(e.ErrorMessage)).ToList()
            : [];

    /// <summary>What the _Message partial shows by a field; <paramref name="id"/> when the input's id is not the field's name.</summary>
    public static MessageView Field(this ModelStateDictionary state, string field, string? id = null) =>
        new(state.Messages(field), ErrorId(id ?? field), "field-error", null);

    /// <summary>What the _Message partial shows about the whole form, announced when the page comes back with it.</summary>
    public static MessageView Form(this ModelStateDictionary state) =>
        new(state.Messages(FormKey), ErrorId("form"), "form-error", "alert");

    /// <summary>
    /// The data-annotation messages of a form's nested input (a <see cref="TextInput"/>), each by its field
    /// (<c>Mandate.Source</c>), as the binder would put them.
    /// </summary>
    public static void AddInputMessages(this ModelStateDictionary state, string prefix, object input)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(input, new(input), results, validateAllProperties: true);
        foreach (var r in results)
        {
            foreach (var member in r.MemberNames) state.AddMessage($"{prefix}.{member}", r.ErrorMessage ?? "Invalid.");
        }
    }

    private const string NoticeKey = "Notice";

    /// <summary>Says something after a redirect (Saved.), shown once by the next page through the _Message partial.</summary>
    public static void Notice(this ITempDataDictionary tempData, string key, params object[] arguments) =>
        tempData[NoticeKey] = new[] { key }.Concat(arguments.Select(a => Convert.ToString(a, CultureInfo.CurrentCulture) ?? "")).ToArray();

    /// <summary>
    /// The notice for the _Message partial, read once. Named apart from <see cref="Notice"/> because with a single
    /// argument C# prefers a method in its normal form to a params one: a reader called Notice(string? id) silently
    /// took every TempData.Notice("Saved.") and no notice was ever kept.
    /// </summary>
    public static MessageView TakeNotice(this ITempDataDictionary tempData, string? id = null) =>
        new(tempData[NoticeKey] is string[] { Length: > 0 } notice ? [new ValidationMessage(notice[0], notice[1..])] : [], id, "notice", "status");

    private sealed class MessageError(ValidationMessage message) : ModelError(message.Key)
    {
        public ValidationMessage Message { get; } = message;
    }
}

/// <summary>The messages one place of a page shows, with the paragraph's id, class and role.</summary>
public sealed record MessageView(IReadOnlyList<ValidationMessage> Messages, string? Id, string? Class, string? Role);
