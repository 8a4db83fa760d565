namespace Sandik.Domain.Elections;

public enum RaceKind
{
    Presidential,
    Parliamentary,
    Local,
}
