using System.Globalization;
using System.Text;
using Rumbo.Core.Indicators;
using Rumbo.TestSupport;

namespace Rumbo.Web.Tests;

public abstract partial class PermissionMatrixTests
{
    /// <summary>
    /// The matrix's focal point reports the scenario's country A; the secretariat reports any. Everyone else may not even
    /// read the country's unapproved values: 404, as for a country that is not there.
    /// </summary>
    private static Who[] Reporters => [Who.FocalPoint, Who.Secretariat];

    private static Who[] NotReporters => [Who.SignedIn, Who.GroupMember, Who.GroupCoordinator];

    /// <summary>Every write of the indicators' reporting: the country's focal points report, the secretariat also reviews.</summary>
    private static IEnumerable<Write> IndicatorWrites() =>
    [
        new("save a country's indicator values", async t => await t.ReportingUrl("save"),
            async t =>
            {
                await t.ReportingCountry(null);
                return new()
                {
                    ["submit"] = "false", ["Rows[0].Indicator"] = "1.1-a", ["Rows[0].Year"] = "2025", ["Rows[0].Breakdown"] = "",
                    ["Rows[0].Value"] = "45.5", ["Rows[0].Source"] = "Matrix", ["Rows[0].Notes"] = "", ["Rows[0].Evidence"] = "",
                };
            },
            Reporters, NotReporters),
        new("upload a country's filled template", async t => await t.ReportingUrl("upload"),
            async t =>
            {
                await t.ReportingCountry(null);
                return new();
            },
            Reporters, NotReporters) { File = () => ("file", "matrix.csv", Encoding.UTF8.GetBytes("indicator,year,value,source\n1.1-a,2025,45.5,Matrix\n")) },
        new("send a country's drafts for approval", async t => await t.ReportingUrl("submit"),
            async t =>
            {
                await t.ReportingCountry(ValueStatus.Draft);
                return new();
            },
            Reporters, NotReporters),
        new("approve a reported value", async t => await t.ReportingUrl("review"),
            async t => await t.ReviewFields(ValueStatus.Submitted, "Approve", ""), [Who.Secretariat], NotReporters),
        new("return a reported value", async t => await t.ReportingUrl("review"),
            async t => await t.ReviewFields(ValueStatus.Submitted, "Return", "The source is missing."), [Who.Secretariat], NotReporters),
        new("unlock an approved value", async t => await t.ReportingUrl("review"),
            async t => await t.ReviewFields(ValueStatus.Approved, "Unlock", "A revision of the series."), [Who.Secretariat], NotReporters),
        new("approve every submitted value of a country", async t => await t.ReportingUrl("approveall"),
            async t =>
            {
                await t.ReportingCountry(ValueStatus.Submitted);
                return new();
            },
            [Who.Secretariat], NotReporters),
    ];

    /// <summary>The reporting page of the scenario's country A with the handler: a page the focal point of the matrix reports.</summary>
    private async Task<string> ReportingUrl(string handler) =>
        $"/agendas/{IndicatorScenario.Agenda}/reporting/{(await Scenario()).CountryA.ToLowerInvariant()}?handler={handler}";

    /// <summary>Country A starts each case afresh: no values, or one in the given status; its id and version.</summary>
    private async Task<(int Id, int Version)?> ReportingCountry(ValueStatus? status) =>
        await IndicatorScenario.ResetCountryAsync(app.Database, (await Scenario()).CountryA, status);

    private async Task<Dictionary<string, string>> ReviewFields(ValueStatus status, string action, string reason)
    {
        var (id, version) = (await ReportingCountry(status))!.Value;
        return new()
        {
            ["valueId"] = id.ToString(CultureInfo.InvariantCulture), ["version"] = version.ToString(CultureInfo.InvariantCulture),
            ["action"] = action, ["reason"] = reason,
        };
    }
}
