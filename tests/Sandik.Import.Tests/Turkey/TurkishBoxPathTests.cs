using Sandik.Import.Turkey;
using Shouldly;
using Xunit;

namespace Sandik.Import.Tests.Turkey;

public sealed class TurkishBoxPathTests
{
    [Theory]
    [InlineData("AKALAN MAH.", "Akalan")]
    [InlineData("ESETÇE-ATATÜRK MAH.", "Esetçe-Atatürk")]
    [InlineData("KARAYUSUFLU DERVİŞLER MAH.", "Karayusuflu Dervişler")]
    [InlineData("75. YIL MAH.", "75. Yıl")]
    [InlineData("IĞDIR İNCESU MAH.", "Iğdır İncesu")]
    [InlineData("HACI İLBEY (CUMHURİYET)", "Hacı İlbey (Cumhuriyet)")]
    [InlineData("  Caferağa  ", "Caferağa")]
    public void Spells_a_neighbourhood_as_the_2015_files_do(string name, string spelled) =>
        TurkishBoxPath.NeighbourhoodSpelling(name).ShouldBe(spelled);
}
