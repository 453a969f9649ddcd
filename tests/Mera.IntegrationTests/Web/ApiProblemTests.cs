using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mera.IntegrationTests.Web;

/// <summary>
/// Issue 21 §6: every API answer of 400 and above is RFC 7807 problem details with a Russian title and detail —
/// unreadable JSON, a missing parameter, an unknown address, no sign-in, no right, a refused or locked write —
/// never an HTML page or an empty body.
/// </summary>
public class ApiProblemTests
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Matches("[А-Яа-я]", problem.GetProperty("title").GetString()!);
        Assert.Matches("[А-Яа-я]", problem.GetProperty("detail").GetString()!);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Every_refusal_of_the_api_is_problem_details_in_russian()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var anonymous = app.Anonymous();
        Assert.Contains("Войдите", (await ProblemAsync(await anonymous.GetAsync("/api/v1/elements"), HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());

        var officer = await app.SignInAsync("enisey");
        var broken = await ProblemAsync(await officer.PostAsync("/api/v1/datavalues", Json("[{\"org\": \"demo-enisey-s01\",")), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", broken.GetProperty("detail").GetString());
        var wrongType = await ProblemAsync(await officer.PostAsync("/api/v1/datavalues",
            Json($"[{{\"org\":\"demo-enisey-s01\",\"element\":\"contingent.teachers\",\"period\":\"{TestClock.Year}\",\"value\":true}}]")), HttpStatusCode.BadRequest);
        Assert.Contains("строка 1", wrongType.GetProperty("detail").GetString());
        var missing = await ProblemAsync(await officer.GetAsync("/api/v1/indicators?org=demo-enisey"), HttpStatusCode.BadRequest);
        Assert.Contains("«period»", missing.GetProperty("detail").GetString());
        await ProblemAsync(await officer.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        await ProblemAsync(await officer.GetAsync("/api/v1/indicators?org=demo-aksu&period=" + TestClock.LastQuarter.Code), HttpStatusCode.Forbidden);
        await ProblemAsync(await officer.GetAsync("/api/v1/indicators?org=demo-enisey&period=третий"), HttpStatusCode.BadRequest);

        // A write refused item by item: problem details that still carry every item's error for scripts.
        var invalid = await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/datavalues",
            new[] { new { org = "demo-enisey-s01", element = "contingent.teachers", period = TestClock.Year, value = "много" } }), HttpStatusCode.BadRequest);
        Assert.Equal(0, invalid.GetProperty("written").GetInt32());
        Assert.Equal("value", invalid.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.StartsWith("Ничего не записано", invalid.GetProperty("detail").GetString());

        // A viewer may read but not write: 403, said as problem details, nothing written.
        var viewer = await app.SignInAsync("viewer");
        var denied = await ProblemAsync(await viewer.PostAsJsonAsync("/api/v1/datavalues",
            new[] { new { org = "demo-enisey-s01", element = "contingent.teachers", period = TestClock.Year, value = "12" } }), HttpStatusCode.Forbidden);
        Assert.Equal(0, denied.GetProperty("written").GetInt32());
        await ProblemAsync(await viewer.GetAsync("/api/v1/imports"), HttpStatusCode.Forbidden);

        // Outside the API the site keeps its own pages.
        Assert.Equal("text/html", (await officer.GetAsync("/no-such-page")).Content.Headers.ContentType?.MediaType);
    }
}
