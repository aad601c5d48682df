using System.Security.Claims;
using Hub.WebConsole.Security;
using Hub.WebConsole.Security.Oidc;

namespace Hub.WebConsole.Tests.Security;

public sealed class OidcRoleMapperTests
{
    [Fact]
    public void Entra_app_roles_map_to_console_roles_and_unmapped_roles_grant_nothing()
    {
        var options = new OidcSignInOptions { RoleMap = { ["AgencyHub.IgLead"] = ConsoleRoles.IgLead, ["AgencyHub.Ops"] = ConsoleRoles.Operator } };
        var provided = Principal(new("name", "A. Lead"), new("roles", "AgencyHub.IgLead"), new("roles", "Directory.Admin"));

        var user = OidcRoleMapper.Map(provided, options);

        ConsolePrincipal.RolesOf(user).ShouldBe([ConsoleRoles.IgLead]);
        user.Identity!.Name.ShouldBe("A. Lead");
        user.FindAll("roles").ShouldBeEmpty();
    }

    [Fact]
    public void Adfs_roles_under_the_role_claim_uri_are_mapped_and_a_console_role_sent_by_the_provider_is_not_trusted()
    {
        var options = new OidcSignInOptions { RoleClaimType = "role", RoleMap = { ["HUB-Auditors"] = ConsoleRoles.Auditor } };
        var provided = Principal(new("upn", "auditor@agency.example"), new("role", "HUB-Auditors"), new(ClaimTypes.Role, ConsoleRoles.IgLead));

        var user = OidcRoleMapper.Map(provided, options);

        ConsolePrincipal.RolesOf(user).ShouldBe([ConsoleRoles.Auditor]);
        user.Identity!.Name.ShouldBe("auditor@agency.example");
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "oidc"));
}
