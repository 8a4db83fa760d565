using System.Text.Json;
using System.Text.Json.Nodes;
using Sandik.Import.Maps;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Maps;

public sealed class ProvinceMapTests
{
    private static string MapPath => Shipped.Data("geography", "tr-provinces.geojson");

    [Fact]
    public void Reads_the_shipped_map_as_81_sound_provinces()
    {
        var map = ProvinceMap.Read(MapPath);

        map.Shapes.Count.ShouldBe(81);
        map.Validate(Shipped.Turkey.Provinces).ShouldBeEmpty();
        map.Shapes.Select(s => s.Plate).Order().ShouldBe(Enumerable.Range(1, 81));
    }

    [Fact]
    public void Gives_each_province_and_the_whole_country_a_bounding_box()
    {
        var map = ProvinceMap.Read(MapPath);

        map.TryGet(34, out var istanbul).ShouldBeTrue();
        istanbul.Bounds.Contains(28.98, 41.01).ShouldBeTrue();
        istanbul.Bounds.Contains(32.86, 39.93).ShouldBeFalse();
        map.TryGet(6, out var ankara).ShouldBeTrue();
        ankara.Bounds.Contains(32.86, 39.93).ShouldBeTrue();
        var turkey = map.Bounds;
        (turkey.West, turkey.East, turkey.South, turkey.North).ShouldSatisfyAllConditions(
            b => b.West.ShouldBeInRange(25.5, 26.5),
            b => b.East.ShouldBeInRange(44.5, 45.0),
            b => b.South.ShouldBeInRange(35.7, 36.0),
            b => b.North.ShouldBeInRange(41.9, 42.2));
        map.Shapes.ShouldAllBe(s => s.Bounds.West >= turkey.West && s.Bounds.North <= turkey.North);
    }

    [Fact]
    public void Writes_the_web_map_with_area_codes_official_names_and_unchanged_outlines()
    {
        var map = ProvinceMap.Read(MapPath);
        using var output = new MemoryStream();

        map.WriteForWeb(output, Shipped.Turkey.Provinces);

        var web = JsonNode.Parse(output.ToArray())!;
        web["type"]!.GetValue<string>().ShouldBe("FeatureCollection");
        web["bbox"]!.AsArray().Count.ShouldBe(4);
        var features = web["features"]!.AsArray();
        features.Select(f => f!["properties"]!["code"]!.GetValue<string>()).ShouldBe(Enumerable.Range(1, 81).Select(p => p.ToString()));
        features.Select(f => f!["id"]!.GetValue<string>()).ShouldBe(Enumerable.Range(1, 81).Select(p => p.ToString()));
        features[2]!["properties"]!["name"]!.GetValue<string>().ShouldBe("Afyonkarahisar");
        features[33]!["properties"]!["name"]!.GetValue<string>().ShouldBe("İstanbul");
        map.TryGet(3, out var afyon).ShouldBeTrue();
        afyon.SourceName.ShouldBe("Afyon");
        features[2]!["geometry"]!.ToJsonString().ShouldBe(JsonNode.Parse(afyon.Geometry.GetRawText())!.ToJsonString());
        System.Text.Encoding.UTF8.GetString(output.ToArray()).ShouldContain("\"name\":\"İstanbul\"");
    }

    [Fact]
    public void Names_a_repeated_plate_an_unknown_plate_and_the_missing_provinces()
    {
        using var file = Variant(features =>
        {
            features[1]!["properties"]!["number"] = 1;
            features[2]!["properties"]!["number"] = 82;
        });

        var problems = ProvinceMap.Read(file.Path).Validate(Shipped.Turkey.Provinces);

        problems.Select(p => p.Message).ShouldBe(
        [
            "feature 1 ('Adıyaman') repeats plate code 1 of feature 0 ('Adana').",
            "feature 2 ('Afyon') has plate code 82, which is no province.",
            "no feature for plate code(s) 2, 3.",
        ]);
        problems.ShouldAllBe(p => p.Column == null || p.Column == "number");
    }

    [Fact]
    public void Names_a_missing_province_and_refuses_to_write_the_web_map()
    {
        using var file = Variant(features => features.RemoveAt(80)); // the last feature is Zonguldak, 67
        var map = ProvinceMap.Read(file.Path);

        map.Validate(Shipped.Turkey.Provinces).Select(p => p.Message).ShouldBe(
            ["80 features, expected one for each of the 81 provinces.", "no feature for plate code(s) 67."]);
        Should.Throw<ImportFailedException>(() => map.WriteForWeb(Stream.Null, Shipped.Turkey.Provinces)).TotalIssues.ShouldBe(2);
    }

    [Fact]
    public void Reports_every_malformed_feature()
    {
        using var file = Variant(features =>
        {
            features[0]!["properties"]!.AsObject().Remove("number");
            features[1]!["properties"]!["number"] = "two";
            features[2]!["geometry"] = JsonNode.Parse("""{"type":"LineString","coordinates":[[30,39],[31,39]]}""");
            features[3]!["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[30,39],[31,"x"],[30,40],[30,39]]]}""");
            features[4]!["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[200,39],[31,39],[30,40],[200,39]]]}""");
        });

        var error = Should.Throw<ImportFailedException>(() => ProvinceMap.Read(file.Path));

        error.Issues.Select(i => (i.Column, i.Message)).ShouldBe(
        [
            ("number", "feature 0 ('Adana') has no whole-number plate code in property 'number'."),
            ("number", "feature 1 ('Adıyaman') has no whole-number plate code in property 'number'."),
            ("geometry", "feature 2 ('Afyon') has no Polygon or MultiPolygon geometry."),
            ("coordinates", "feature 3 ('Ağrı') has malformed coordinates: expected arrays nested 3 deep ending in [longitude, latitude] within ±180/±90."),
            ("coordinates", "feature 4 ('Aksaray') has malformed coordinates: expected arrays nested 3 deep ending in [longitude, latitude] within ±180/±90."),
        ]);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_feature_collection()
    {
        using var notJson = TempFile.With("{\"type\": \"FeatureCollection\",\n \"features\": [", ".geojson");
        using var notCollection = TempFile.With("{\"type\": \"Feature\"}", ".geojson");

        Should.Throw<ImportFailedException>(() => ProvinceMap.Read(notJson.Path)).Issues.ShouldHaveSingleItem().Message.ShouldStartWith("not valid JSON");
        Should.Throw<ImportFailedException>(() => ProvinceMap.Read(notCollection.Path)).Issues.ShouldHaveSingleItem()
            .ShouldBe(new ImportIssue(0, "type", "the file is not a GeoJSON FeatureCollection."));
    }

    // The shipped map with its features changed; features are in the file's order (Adana, Adıyaman, Afyon, Ağrı, Aksaray...).
    private static TempFile Variant(Action<JsonArray> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(MapPath))!;
        var features = root["features"]!.AsArray();
        change(features);
        return TempFile.With(root.ToJsonString(), ".geojson");
    }
}
