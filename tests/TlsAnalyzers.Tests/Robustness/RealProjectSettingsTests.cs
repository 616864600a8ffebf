using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TlsAnalyzers.Tests.Catalog;

namespace TlsAnalyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer on the programs of <see cref="RealProjectPrograms"/>: none may crash, the secure ones (user
/// types named like framework types among them) must get no diagnostic at all, and the insecure ones must get a
/// diagnostic from each expected rule that exists.
/// </summary>
public sealed class RealProjectSettingsTests
{
    public static TheoryData<string> SecurePrograms() => [.. RealProjectPrograms.Secure.Select(program => program.Name)];

    public static TheoryData<string> InsecurePrograms() => [.. RealProjectPrograms.Insecure.Select(program => program.Name)];

    [Theory]
    [MemberData(nameof(SecurePrograms))]
    public async Task SecureProgram_GetsNoDiagnostic(string name)
    {
        var program = RealProjectPrograms.Secure.Single(candidate => candidate.Name == name);

        var run = await AnalyzeAsync(program);

        Assert.Empty(run.CompilerErrors);
        Assert.Empty(run.Crashes);
        Assert.Empty(run.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(InsecurePrograms))]
    public async Task InsecureProgram_GetsExpectedDiagnostics(string name)
    {
        var program = RealProjectPrograms.Insecure.Single(candidate => candidate.Name == name);

        var run = await AnalyzeAsync(program);

        Assert.Empty(run.CompilerErrors);
        Assert.Empty(run.Crashes);
        foreach (var id in program.ExpectedIds.Where(id => RuleCatalog.Descriptors.Any(descriptor => descriptor.Id == id)))
        {
            Assert.Contains(run.Diagnostics, diagnostic => diagnostic.Id == id);
        }
    }

    private static async Task<AnalyzerRun> AnalyzeAsync(RealProjectProgram program)
    {
        var factory = await CompilationFactory.GetAsync(CancellationToken.None);
        var compilation = factory.Create(program.ToEntry());
        return await AnalyzerRunner.RunAsync(compilation, RuleCatalog.Analyzers, options: null, CancellationToken.None);
    }
}
