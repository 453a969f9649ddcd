using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Imports;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Submissions;
using Mera.Core.Features.Values;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Mera.Core.Features.Orgs;

namespace Mera.Web.Api;

/// <summary>`/api/v1`: the same handlers as the pages and the CLI, JSON in and out; every org is checked against the caller's subtree.</summary>
public static class ApiEndpoints
{
    public static void MapMeraApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme, ApiTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser().Build());

        api.MapGet("/orgunits", async (string? parent, CurrentUser current, ReadTarget read, CancellationToken ct) =>
        {
            var root = await current.OrgAsync(parent, ct);
            var children = await ListOrgs.ChildrenAsync(read.Database, root.Id, ct);
            return Results.Ok(new { org = OrgDto.Of(root), children = children.Select(OrgDto.Of) });
        });

        api.MapGet("/orgunits/{code}", async (string code, CurrentUser current, CancellationToken ct) =>
            Results.Ok(OrgDto.Of(await current.OrgAsync(code, ct))));

        api.MapGet("/elements", async (ReadTarget read, CancellationToken ct) => Results.Ok(await ListValues.ElementsAsync(read.Database, ct)));

        api.MapGet("/indicators", async (string? org, string period, bool? children, string[]? indicator, CurrentUser current, ReadTarget read, TimeProvider clock, CancellationToken ct) =>
        {
            var unit = await current.OrgAsync(org, ct);
            return Results.Ok(await ComputeIndicators.RunAsync(read.Database, new ComputeIndicators.Query(unit.Code, period, children ?? false, indicator, clock.Today()), ct));
        });

        api.MapGet("/datavalues", async (string? org, string period, CurrentUser current, ReadTarget read, CancellationToken ct) =>
        {
            var unit = await current.OrgAsync(org, ct);
            return Results.Ok(await ListValues.RunAsync(read.Database, unit, Period.Parse(period), ct));
        });

        api.MapPost("/datavalues", async (List<SaveValues.Item> items, CurrentUser current, MeraDb database, TimeProvider clock,
            ILogger<SaveValues.Item> log, CancellationToken ct) =>
        {
            var scope = await current.ScopeAsync(ct);
            var result = await SaveValues.RunAsync(database, items, scope, clock, ct);
            if (result.Refusal != SaveValues.WriteRefusal.None)
            {
                // Every refused write is on record: who tried to change what, and why not.
                log.LogWarning("API write refused ({Refusal}) for {User}: {Problems}", result.Refusal, scope.Login,
                    string.Join("; ", result.Errors.Take(5).Select(e => $"#{e.Index} {e.Field}: {e.Message}")));
            }
            var status = result.Refusal switch
            {
                SaveValues.WriteRefusal.Forbidden => StatusCodes.Status403Forbidden,
                SaveValues.WriteRefusal.Locked => StatusCodes.Status409Conflict,
                _ => result.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            };
            return status == StatusCodes.Status200OK ? Results.Ok(result)
                : ApiProblems.Batch(status, $"Ничего не записано: {string.Join("; ", result.Errors.Take(3).Select(e => e.Message))}"
                    + (result.Errors.Count > 3 ? $" (всего ошибок: {result.Errors.Count})" : ""), result);
        });

        api.MapGet("/submissions", async (string form, string period, string? org, CurrentUser current, ReadTarget read, TimeProvider clock, CancellationToken ct) =>
        {
            var unit = await current.OrgAsync(org, ct);
            var result = await ListSubmissions.RunAsync(read.Database, unit, form, period, clock.Today(), ct);
            return Results.Ok(new
            {
                form = result.Form.Code, period = result.Period.Code, deadline = result.Deadline,
                schools = result.Rows.Select(r => new { org = r.School.Code, name = r.School.Name, status = r.Status.ToString(),
                    statusName = ReportingStatusNames.ToRussian(r.Status), state = r.Submission?.State.ToString(),
                    submittedAt = r.Submission?.SubmittedAt, comment = r.Submission?.Comment, version = r.Submission?.Version }),
            });
        });

        api.MapGet("/imports", async (string? org, CurrentUser current, ReadTarget read, CancellationToken ct) =>
        {
            var unit = await current.OrgAsync(org, ct);
            var scope = await current.ScopeAsync(ct);
            if (!scope.Imports(unit))
            {
                return Results.Forbid();
            }
            return Results.Ok(await ListImports.RunAsync(read.Database, new ListImports.Query(unit.Code, 200), ct));
        });
    }

    private sealed record OrgDto(string Code, string Name, string Type, string? Inn, string? Kpp, bool IsRural, bool IsActive)
    {
        public static OrgDto Of(OrgUnit o) => new(o.Code, o.Name, OrgUnitTypeNames.ToCode(o.Type), o.Inn, o.Kpp, o.IsRural, o.IsActive);
    }
}
