using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Users;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Users;

/// <summary>User administration for admin, region and municipality users, within their own subtree.</summary>
public sealed class UsersModel(MeraDb database, CurrentUser current, TimeProvider clock, ReadReplicas replicas) : PageModel
{
    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? OrgCode { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<ManageUsers.Item> Users { get; private set; } = [];
    public IReadOnlyList<string> Assignable { get; private set; } = [];
    public IReadOnlyList<ManageUsers.OrgChoice> Orgs { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>The standbys that serve reads and how far behind each is: shown to the administrator only.</summary>
    public IReadOnlyList<ReplicaState> Replicas { get; private set; } = [];
    public TimeSpan ReplicaMaxLag => replicas.MaxLag;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        try
        {
            await ManageUsers.AddAsync(database, scope, new AddUser.Command(Login ?? "", Role ?? "", OrgCode ?? "", Password ?? "", Email, FullName), clock, ct);
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            // What was typed stays (but the password): the official fixes the one field the message names.
            Message = Errors.Describe(ex);
            return Page();
        }
        TempData["Message"] = $"Пользователь «{Login}» создан.";
        return Redirect("/users");
    }

    public async Task<IActionResult> OnPostResetAsync(string id, bool unlock, CancellationToken ct) => await ActAsync(async scope =>
    {
        await ManageUsers.ResetPasswordAsync(database, scope, id, Password ?? "", clock, unlock, ct);
        return (unlock ? "Пароль изменён, блокировка снята." : "Пароль изменён.") + " Прежние входы и API-токен пользователя больше не действуют. Сообщите новый пароль пользователю.";
    }, ct);

    public async Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken ct) => await ActAsync(async scope =>
    {
        await ManageUsers.RevokeTokenAsync(database, scope, id, clock, ct);
        return "API-токен пользователя отозван.";
    }, ct);

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked, CancellationToken ct) => await ActAsync(async scope =>
    {
        await ManageUsers.SetLockedAsync(database, scope, id, locked, clock, ct);
        return locked ? "Учётная запись заблокирована." : "Учётная запись разблокирована.";
    }, ct);

    private async Task<IActionResult> ActAsync(Func<Core.Features.Access.AccessScope, Task<string>> action, CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        try
        {
            TempData["Message"] = await action(scope);
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            TempData["Message"] = Errors.Describe(ex);
        }
        return Redirect("/users");
    }

    private async Task<Core.Features.Access.AccessScope> LoadAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        Assignable = ManageUsers.AssignableRoles(scope);
        if (Assignable.Count == 0)
        {
            throw new ForbiddenException("управление пользователями недоступно");
        }
        Users = await ManageUsers.ListAsync(database, scope, clock, ct);
        Orgs = await ManageUsers.AssignableOrgsAsync(database, scope, ct: ct);
        Message = TempData["Message"] as string;
        if (scope.Role == Roles.Admin && replicas.Any && HttpMethods.IsGet(Request.Method))
        {
            Replicas = await replicas.StatusAsync(ct);
        }
        return scope;
    }
}
