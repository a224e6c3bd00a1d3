using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rumbo.Core.Agendas;
using Rumbo.Core.Auditing;
using Rumbo.Core.Calendars;
using Rumbo.Core.Capacities;
using Rumbo.Core.Data;
using Rumbo.Core.Documents;
using Rumbo.Core.Indicators;
using Rumbo.Core.Meetings;
using Rumbo.Core.Plans;
using Rumbo.Core.Policies;
using Rumbo.Core.RoadMaps;

namespace Rumbo.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>The services that pages, API and command line share.</summary>
    public static IServiceCollection AddRumboCore(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.TryAddSingleton(new RumboOptions());
        services.AddSingleton<ContentStamp>();
        services.AddRumboDatabase(provider, connectionString);
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        // The web application replaces this with the signed-in user; the command line and seeding act as themselves.
        services.TryAddSingleton<IAuditActor>(new SystemActor("command line"));
        services.AddScoped<AgendaStore>();
        services.AddScoped<Accounts.CurrentUser>();
        services.AddScoped<Accounts.ReaderZones>();
        services.AddScoped<Accounts.Profiles>();
        services.AddScoped<Auditing.AuditSubjects>();
        services.AddScoped<Auditing.AuditReader>();
        services.AddScoped<Groups.GovernanceRules>();
        services.AddScoped<Groups.GroupReader>();
        services.AddScoped<Workspace.DueWork>();
        services.AddScoped<Groups.GroupPageReader>();
        services.AddScoped<People.PeopleReader>();
        services.AddScoped<AgendaReader>();
        services.AddScoped<AgendaSearch>();
        services.AddScoped<Translations.TranslationReader>();
        services.AddScoped<Translations.TranslationImport>();
        services.AddRumboMeetings();
        services.AddRumboDocuments();
        services.AddRumboPlans();
        services.AddRumboIndicators();
        services.AddRumboPolicies();
        services.AddScoped<Coverage.CoverageReader>();
        services.AddRumboCapacities();
        services.AddRumboRoadMaps();
        services.AddRumboCalendars();
        return services;
    }
}
