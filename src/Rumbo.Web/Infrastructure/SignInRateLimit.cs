using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Rumbo.Web.Infrastructure;

/// <summary>Settings under "Rumbo:SignInRateLimit": how many sign-in and password-reset posts one address may make per window.</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Rumbo:SignInRateLimit";

    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// A fixed window per client address on the posts that check a password or send mail, so that guessing passwords
/// or flooding someone's inbox from one place runs into a wall long before the per-account lockout matters.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SignInRateLimitOptions.Section).Get<SignInRateLimitOptions>() ?? new SignInRateLimitOptions();
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = 0,
                }));
            // The body is left empty: the error pages then answer with the page explaining the wait.
            o.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry.TotalSeconds : options.Window.TotalSeconds;
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }
}
