namespace Mera.Web.Infrastructure;

/// <summary>An org outside the user's subtree is «not found» (404), a forbidden action 403 — never a stack trace.</summary>
public sealed class AccessErrors(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (NotVisibleException) when (!context.Response.HasStarted)
        {
            // Pages say «not found» so codes cannot be probed; the API contract is 403 outside the subtree.
            context.Response.Clear();
            context.Response.StatusCode = context.Request.Path.StartsWithSegments("/api")
                ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
        }
        catch (Exception ex) when (context.Request.Path.StartsWithSegments("/api") && !context.Response.HasStarted && Errors.IsForUser(ex))
        {
            // One mapping for the API (Core decides what is a refusal): RFC 7807 problem details in Russian; `error`
            // stays for scripts written against the first version.
            var status = ex is NotFoundException ? StatusCodes.Status404NotFound
                : ex is OperationRefusedException ? StatusCodes.Status409Conflict
                : StatusCodes.Status400BadRequest;
            var detail = Errors.Describe(ex);
            await Api.ApiProblems.WriteAsync(context, status, detail, new Dictionary<string, object?> { ["error"] = detail });
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) when (!context.Response.HasStarted)
        {
            // Someone else changed the same record a moment earlier: a conflict to retry, not a server fault.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                const string detail = "Данные только что изменил другой пользователь: обновите их и повторите";
                await Api.ApiProblems.WriteAsync(context, StatusCodes.Status409Conflict, detail, new Dictionary<string, object?> { ["error"] = detail });
            }
        }
        catch (ForbiddenException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
