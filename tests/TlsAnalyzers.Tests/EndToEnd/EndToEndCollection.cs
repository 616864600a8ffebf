namespace TlsAnalyzers.Tests.EndToEnd;

/// <summary>
/// Groups the tests that share one packed package. xunit runs a collection's tests one after another, which also
/// keeps two consumer builds from competing for the machine's cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "End-to-end package";
}
