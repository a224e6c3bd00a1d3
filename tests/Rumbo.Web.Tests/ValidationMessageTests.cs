using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Rumbo.Core.Validation;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Tests;

/// <summary>The one carrier of a message by a field: its key and arguments survive the model state and the redirect.</summary>
public sealed class ValidationMessageTests
{
    private sealed class Spanish : IStringLocalizer
    {
        private static readonly Dictionary<string, string> Table = new()
        {
            ["These codes are not lines of action of the group's agenda: {0}."] = "Estos códigos no son líneas de acción de la agenda del grupo: {0}.",
            ["Saved."] = "Guardado.",
        };

        public LocalizedString this[string name] =>
            Table.TryGetValue(name, out var v) ? new(name, v) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Fact]
    public void A_message_keeps_its_key_and_arguments_in_the_model_state()
    {
        var state = new ModelStateDictionary();
        state.AddMessage("Lines", "These codes are not lines of action of the group's agenda: {0}.", "9.9.9, 9.9.8");

        Assert.False(state.IsValid);
        var message = Assert.Single(state.Messages("Lines"));
        Assert.Equal("These codes are not lines of action of the group's agenda: {0}.", message.Key);
        Assert.Equal(["9.9.9, 9.9.8"], message.Arguments);
        Assert.Equal("Estos códigos no son líneas de acción de la agenda del grupo: 9.9.9, 9.9.8.", message.In(new Spanish()));
    }

    [Fact]
    public void A_key_without_arguments_is_never_taken_for_a_format_and_an_unknown_one_reads_as_written()
    {
        Assert.Equal("Guardado.", new ValidationMessage("Saved.").In(new Spanish()));
        Assert.Equal("Passwords must have at least one digit ('0'-'9') {x}.", new ValidationMessage("Passwords must have at least one digit ('0'-'9') {x}.").In(new Spanish()));
    }

    [Fact]
    public void The_binders_errors_are_messages_and_are_replaced_with_arguments_kept()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Date", "The value 'x' is not valid for Date.");
        Assert.Equal("The value 'x' is not valid for Date.", Assert.Single(state.Messages("Date")).Key);

        state.ReplaceBindingErrors(new ValidationMessage("Write the date as year-month-day, such as {0}.", "2026-03-01"));
        var replaced = Assert.Single(state.Messages("Date"));
        Assert.Equal("Write the date as year-month-day, such as {0}.", replaced.Key);
        Assert.Equal(["2026-03-01"], replaced.Arguments);
        Assert.Empty(state.Messages("Other"));
    }

    [Fact]
    public void The_field_the_form_and_a_notice_each_have_their_place()
    {
        var state = new ModelStateDictionary();
        state.AddMessage("Activity.Lines", "Saved.");
        state.AddMessage(Forms.FormKey, "Saved.");
        var field = state.Field("Activity.Lines", "Activity_Lines");
        Assert.Equal(("Activity_Lines-error", "field-error", (string?)null), (field.Id, field.Class, field.Role));
        var form = state.Form();
        Assert.Equal(("form-error", "form-error", "alert"), (form.Id, form.Class, form.Role));
        Assert.Empty(state.Field("Activity.Title").Messages);

        var tempData = new TempDataDictionary(new Microsoft.AspNetCore.Http.DefaultHttpContext(), new NoTempData());
        Assert.Empty(tempData.TakeNotice().Messages);
        // A notice without arguments is written, not read: the one-argument call once resolved to the reader.
        tempData.Notice("Saved.");
        Assert.Equal("Saved.", Assert.Single(tempData.TakeNotice().Messages).Key);
        tempData.Notice("You have accepted the invitation to {0}. You are signed in.", "join the group");
        var notice = tempData.TakeNotice();
        var said = Assert.Single(notice.Messages);
        Assert.Equal(["join the group"], said.Arguments);
        Assert.Equal(("notice", "status"), (notice.Class, notice.Role));
    }

    private sealed class NoTempData : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(Microsoft.AspNetCore.Http.HttpContext context) => new Dictionary<string, object>();
        public void SaveTempData(Microsoft.AspNetCore.Http.HttpContext context, IDictionary<string, object> values) { }
    }
}
