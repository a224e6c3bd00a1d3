using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rumbo.Core.Plans;
using Rumbo.Web.Infrastructure;

namespace Rumbo.Web.Pages.Plans;

/// <summary>A plan's own fields, as the new-plan and edit forms send them. Months are yyyy-MM, what a month input sends.</summary>
public sealed class PlanInput
{
    public TextInput Title { get; set; } = new();
    public OptionalTextInput Description { get; set; } = new();
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }

    /// <summary>The longest period a plan may cover; a biennium is the usual one.</summary>
    public const int MaxMonths = 72;

    public static PlanInput From(WorkPlan p) => new()
    {
        Title = TextInput.From(p.Title), Description = OptionalTextInput.From(p.Description),
        PeriodStart = Months.Write(p.PeriodStart), PeriodEnd = Months.Write(p.PeriodEnd),
    };

    /// <summary>Adds an error by each wrong field under <paramref name="prefix"/>; returns the period when both months are right.</summary>
    public (DateOnly Start, DateOnly End)? Validate(ModelStateDictionary state, string prefix)
    {
        PlanValidation.Text(state, $"{prefix}.Title", Title);
        PlanValidation.Text(state, $"{prefix}.Description", Description);
        var start = PlanValidation.Month(state, $"{prefix}.PeriodStart", PeriodStart, required: true);
        var end = PlanValidation.Month(state, $"{prefix}.PeriodEnd", PeriodEnd, required: true);
        if (start is null || end is null) return null;
        if (end < start)
        {
            state.AddMessage($"{prefix}.PeriodEnd", "The last month cannot be before the first.");
            return null;
        }
        if (Months.Between(start.Value, end.Value).Count > MaxMonths)
        {
            state.AddMessage($"{prefix}.PeriodEnd", "A plan covers at most six years.");
            return null;
        }
        return (start.Value, end.Value);
    }

    public void ApplyTo(WorkPlan p, DateOnly start, DateOnly end)
    {
        Title.ApplyTo(p.Title);
        Description.ApplyTo(p.Description, keepParagraphs: true);
        p.PeriodStart = start;
        p.PeriodEnd = end;
    }
}

/// <summary>An activity as the edit form sends it.</summary>
public sealed class ActivityInput
{
    public TextInput Title { get; set; } = new();
    public OptionalTextInput Description { get; set; } = new();
    public string? StartMonth { get; set; }
    public string? EndMonth { get; set; }
    /// <summary>The slug of the group in charge; empty for the plan's own group.</summary>
    public string? Responsible { get; set; }
    public ActivityStatus Status { get; set; }
    /// <summary>Country codes.</summary>
    public List<string> Countries { get; set; } = [];
    /// <summary>Codes of lines of action of the group's agenda, separated by commas or spaces.</summary>
    public string? Lines { get; set; }

    public IReadOnlyList<string> LineCodes() => Rumbo.Core.Agendas.AgendaKeys.ParseCodeList(Lines);
}

/// <summary>The record of a plan's adoption.</summary>
public sealed class AdoptionInput
{
    public string? AdoptedOn { get; set; }
    public int? MeetingId { get; set; }
    public string? Note { get; set; }
}

internal static class PlanValidation
{
    public static void Text(ModelStateDictionary state, string prefix, object input) => state.AddInputMessages(prefix, input);

    public static DateOnly? Month(ModelStateDictionary state, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) state.AddMessage(field, "Enter a month as year and month (2025-03).");
            return null;
        }
        if (Months.TryParse(text, out var month)) return month;
        state.AddMessage(field, "Enter a month as year and month (2025-03).");
        return null;
    }
}
