using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rumbo.Core.Accounts;
using Rumbo.Core.Data;
using static Rumbo.Web.Api.ApiProblem;

namespace Rumbo.Web.Api;

/// <summary>The signed-in user and what they may do, as the permission checks see it.</summary>
/// <param name="UserId">The account's id.</param>
/// <param name="Name">The person's full name, or the e-mail address for an account without a person.</param>
/// <param name="Email">The account's e-mail address, which is also its user name.</param>
/// <param name="PersonId">The person the account belongs to.</param>
/// <param name="IsSecretariatAdmin">Whether the user administers Rumbo for the technical secretariat.</param>
/// <param name="CoordinatedGroupIds">The groups the user's person coordinates.</param>
/// <param name="MemberGroupIds">Every group the user's person belongs to, the coordinated ones included.</param>
/// <param name="FocalPoints">The agendas and countries the user's person is focal point for.</param>
public sealed record MeResponse(
    int UserId, string Name, string Email, int? PersonId, bool IsSecretariatAdmin,
    IReadOnlyList<int> CoordinatedGroupIds, IReadOnlyList<int> MemberGroupIds, IReadOnlyList<FocalPointRef> FocalPoints);

public sealed record FocalPointRef(int AgendaId, int CountryId);

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("").WithTags("Accounts");

        api.MapGet("/me", async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> (ClaimsPrincipal principal, CurrentUser current, RumboDbContext db, CancellationToken ct) =>
        {
            var me = await current.GetAsync(principal, ct);
            if (me.UserId is not int userId) return TypedResults.Unauthorized();
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.Email, GivenName = u.Person != null ? u.Person.GivenName : null, FamilyName = u.Person != null ? u.Person.FamilyName : null })
                .SingleAsync(ct);
            var name = $"{user.GivenName} {user.FamilyName}".Trim();
            return TypedResults.Ok(new MeResponse(
                userId, name.Length > 0 ? name : user.Email ?? "", user.Email ?? "", me.PersonId, me.IsSecretariatAdmin,
                me.CoordinatedGroups.Order().ToList(), me.MemberGroups.Order().ToList(),
                me.FocalPoints.Order().Select(f => new FocalPointRef(f.AgendaId, f.CountryId)).ToList()));
        })
        .RequireAuthorization()
        .WithName("GetMe")
        .WithSummary("The signed-in user: who they are and what they coordinate, belong to and report for.")
        .WithDescription("Send a personal access token as `Authorization: Bearer rumbo_…` (create one at /account/tokens), or call it from a signed-in browser. Answers 401 without a valid token or session.")
        .ProducesProblem(StatusCodes.Status401Unauthorized);

        return v1;
    }
}
