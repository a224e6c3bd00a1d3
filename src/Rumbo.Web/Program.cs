using Rumbo.Core.Localization;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Rumbo.Core;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using Rumbo.Core.Seed;
using Rumbo.Web.Api;
using Rumbo.Web.Infrastructure;
using Scalar.AspNetCore;

if (Rumbo.Cli.Commands.IsCommand(args))
{
    return await Rumbo.Cli.Commands.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` serves wwwroot through the build's asset manifest in every environment, not only Development;
// a published build has no such manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

// Port 5080 on loopback only when the host is given no address in any of the ways an ASP.NET Core host is (ASPNETCORE_URLS,
// ASPNETCORE_HTTP_PORTS or _HTTPS_PORTS, --urls, Kestrel endpoints): a container's setting must win over Rumbo's default.
if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"])
    && string.IsNullOrWhiteSpace(builder.Configuration["https_ports"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

var rumbo = builder.Configuration.GetSection(RumboOptions.Section).Get<RumboOptions>() ?? new RumboOptions();
DatabaseProvider provider;
string connectionString, dataDirectory;
MailOptions mail;
try
{
    (provider, connectionString, dataDirectory) = RumboDatabase.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
    mail = MailOptions.Read(builder.Configuration);
    if (!Rumbo.Core.Meetings.MeetingTimes.IsKnown(rumbo.TimeZone))
    {
        throw new InvalidOperationException($"Rumbo:TimeZone \"{rumbo.TimeZone}\" is not an IANA time zone (such as {RumboOptions.DefaultTimeZone}).");
    }
}
catch (InvalidOperationException e) when (e.Message.StartsWith("Rumbo:", StringComparison.Ordinal))
{
    // A setting Rumbo cannot run with: say which, without a stack trace, and stop.
    await Console.Error.WriteLineAsync($"Rumbo cannot start. {e.Message}");
    return 1;
}
builder.Services.AddSingleton(rumbo);
builder.Services.AddRumboCore(provider, connectionString);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<Rumbo.Core.Auditing.IAuditActor, HttpAuditActor>();

// Keys live in the data directory so that cookies and antiforgery tokens survive a restart.
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys"))).SetApplicationName("Rumbo");
builder.Services.AddIdentity<RumboUser, RumboRole>(RumboIdentity.Configure)
    .AddEntityFrameworkStores<RumboDbContext>()
    .AddSignInManager<RumboSignInManager>()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/sign-in";
    o.LogoutPath = "/account/sign-out";
    o.AccessDeniedPath = "/account/denied";
    o.Cookie.Name = "rumbo.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
    // The API answers 401 and 403, never a redirect to the sign-in page.
    o.Events.OnRedirectToLogin = c => Api(c, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = c => Api(c, StatusCodes.Status403Forbidden);
    static Task Api(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api"))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
});
builder.Services.AddRumboAccountsWeb(builder.Configuration, dataDirectory);
builder.Services.AddLineSuggestionsRateLimit(builder.Configuration);
builder.Services.AddAuthorization();
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddSingleton(typeof(IStringLocalizer<>), typeof(CachedLocalizer<>));
builder.Services.AddRazorPages().AddViewLocalization();
QuietTempData.AddTo(builder.Services);
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Rumbo API";
    doc.Info.Description = "API of Rumbo: agendas and their lines of action with stable codes, groups, countries, meetings, records, agreements, documents and plans of work. Reads are public unless marked; members-only data and uploads need a personal access token.";
    doc.Info.Version = "v1";
    return Task.CompletedTask;
}));
builder.Services.AddOutputCache(o =>
{
    // /agendas/LC-CRP-20-6 must reach the page (and its redirect to the canonical URL), not a cached copy.
    o.UseCaseSensitivePaths = true;
    o.AddPolicy(ContentCache.Policy, ContentCache.Configure);
});
builder.Services.AddHealthChecks().AddDbContextCheck<RumboDbContext>("database");
builder.Services.AddRouting(o => o.LowercaseUrls = true);

var app = builder.Build();

app.Logger.LogInformation("Rumbo on {Provider}; data directory {DataDirectory}", provider, dataDirectory);
if (mail.PublicSite is null) app.Logger.LogWarning("{Reason}", MailOptions.NoSiteUrl);
await DemoData.InitializeAsync(app.Services, rumbo);

if (builder.Configuration.GetValue<bool>("Rumbo:BehindProxy"))
{
    // Behind a load balancer that terminates TLS, the scheme and client address come from its headers, so that
    // cookies are marked secure, redirects use https and the sign-in rate limit counts real clients.
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    app.UseForwardedHeaders(forwarded);
}
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseMiddleware<SecurityHeadersMiddleware>();
// The API answers problem details; pages answer an HTML error page in the user's language.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api/v1"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api/v1"), pages =>
{
    pages.UseExceptionHandler("/error");
    pages.UseStatusCodePagesWithReExecute("/error/{0}");
    pages.UseMiddleware<UnreadableForms>();
});
app.UseRequestLocalization(o =>
{
    // Read-only cultures, shared by every request: for a culture made with `new CultureInfo`, which the string
    // overloads do, NodaTime keeps no format information and parsed every date pattern again on each call (a tenth
    // of what a group's page allocated).
    List<CultureInfo> cultures = [.. InterfaceLanguages.All.Select(InterfaceLanguages.Culture)];
    o.DefaultRequestCulture = new RequestCulture(cultures[0]);
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new InvitationCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
});

// Routing comes after the error handlers so that their re-executed requests find the error page.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();
app.UseMiddleware<OneConnectionPerRead>();
app.MapStaticAssets();
// Browsers ask for /favicon.ico whatever the page names; send them to the one icon instead of logging a 404.
app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).ExcludeFromDescription();
app.MapRazorPages().WithStaticAssets();
app.MapOpenApi("/api/v1/openapi.json");
// The explorer's script is served from the package itself; everything that would call the vendor's hosts
// (web fonts, agent, telemetry, the hosted client, developer tools) is switched off.
app.MapScalarApiReference("/api/explorer", o => o.WithTitle("Rumbo API").WithOpenApiRoutePattern("/api/v1/openapi.json")
    .WithFavicon("/favicon.svg").DisableDefaultFonts().HideClientButton().DisableAgent().DisableTelemetry().HideDeveloperTools()
    .WithDocumentDownloadType(DocumentDownloadType.None));
app.MapRumboApi();
app.MapMeetingExports();
app.MapAgreementExports();
app.MapDocumentFiles();
app.MapReportingTemplates();
app.MapPolicyDownloads();
app.MapCoverageDownloads();
app.MapCapacityDownloads();
app.MapRoadMapDownloads();
app.MapTranslationExports();
app.MapCalendarFeeds();
app.MapHealthChecks("/health");

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
