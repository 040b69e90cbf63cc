using System.Net;
using System.Text.Json;

namespace Actors.Hosting.Tests.Admin;

/// <summary>Lists answer one page (?limit=&amp;offset=) with the total count; bad paging answers a 400 problem.</summary>
public sealed class AdminPagingTests
{
    [Fact]
    public async Task Units_LimitAndOffset_AnswerThatPageWithTheTotal()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        foreach (string id in new[] { "a", "b", "c", "d", "e" })
        {
            Assert.Equal(id + ":hi", await admin.Tell(id, "hi"));
        }

        using HttpResponseMessage response = await admin.Http.GetAsync("/units/echo?limit=2&offset=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement page = await AdminEndpointsTests.Json(response);
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("offset").GetInt32());
        Assert.Equal(2, page.GetProperty("limit").GetInt32());
        Assert.Equal(["b", "c"], page.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Units_NoLimit_AnswersTheDefaultPageSize()
    {
        await using AdminHost admin = await AdminHost.StartAsync(o => o.DefaultPageSize = 3);
        foreach (string id in new[] { "a", "b", "c", "d" })
        {
            Assert.Equal(id + ":hi", await admin.Tell(id, "hi"));
        }

        JsonElement page = await AdminEndpointsTests.Json(await admin.Http.GetAsync("/units/echo"));

        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(3, page.GetProperty("instances").GetArrayLength());
    }

    [Fact]
    public async Task Breakers_OffsetPastTheEnd_AnswersAnEmptyPageWithTheTotal()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));
        Assert.Equal("b:hi", await admin.Tell("b", "hi"));

        JsonElement page = await AdminEndpointsTests.Json(await admin.Http.GetAsync("/breakers?offset=5"));

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(0, page.GetProperty("breakers").GetArrayLength());
    }

    [Fact]
    public async Task Errors_Paged_OffsetZeroIsTheNewestFailures()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        foreach (string id in new[] { "a", "b", "c" })
        {
            Assert.Equal(id + ":hi", await admin.Tell(id, "hi"));
            await admin.Fail(id);
        }

        JsonElement newest = await AdminEndpointsTests.Json(await admin.Http.GetAsync("/admin/errors?limit=2"));
        JsonElement oldest = await AdminEndpointsTests.Json(await admin.Http.GetAsync("/admin/errors?limit=2&offset=2"));

        Assert.Equal(3, newest.GetProperty("total").GetInt32());
        Assert.Equal(["b", "c"], newest.GetProperty("recent").EnumerateArray().Select(e => e.GetProperty("unit_id").GetString()));
        Assert.Equal(["a"], oldest.GetProperty("recent").EnumerateArray().Select(e => e.GetProperty("unit_id").GetString()));
    }

    [Theory]
    [InlineData("/units/echo?limit=0", "limit")]
    [InlineData("/units?limit=abc", "limit")]
    [InlineData("/breakers?limit=100000", "limit")]
    [InlineData("/breakers/echo?offset=-1", "offset")]
    [InlineData("/admin/errors?offset=x", "offset")]
    public async Task List_BadPaging_Answers400ProblemNamingTheParameter(string path, string parameter)
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Http.GetAsync(path);

        JsonElement problem = await AdminEndpointsTests.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.StartsWith(parameter + " must be", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
