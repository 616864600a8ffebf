using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace TlsAnalyzers.Tests.Catalog;

/// <summary>
/// Checks what drifts when a rule is added or changed: help links, docs pages, release tracking, the README table
/// and the presence of a code fix.
/// </summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void Catalog_ContainsRules()
    {
        Assert.NotEmpty(RuleCatalog.Analyzers);
        Assert.Contains(RuleCatalog.Descriptors, descriptor => descriptor.Id == RuleIds.InvalidOption);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_HasHelpLinkToDocsPage(string id)
    {
        var descriptor = RuleCatalog.Get(id);

        Assert.Equal($"https://github.com/TlsAnalyzers/TlsAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(RepositoryPaths.Combine("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_IsSecurityAndEnabled(string id)
    {
        var descriptor = RuleCatalog.Get(id);

        Assert.Equal("Security", descriptor.Category);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.False(descriptor.Title.ToString().EndsWith(".", StringComparison.Ordinal), "a title is not a sentence");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_IsInReadmeTable(string id)
    {
        var descriptor = RuleCatalog.Get(id);
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var hasFix = RuleCatalog.CodeFixes.Any(fix => fix.FixableDiagnosticIds.Contains(id)) ? "Yes" : "No";
        var expectedRow = $"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} | {hasFix} |";

        Assert.Contains(expectedRow, readme.Split('\n').Select(line => line.TrimEnd()));
    }

    [Fact]
    public void ReadmeTable_ListsOnlyExistingRules()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var listed = Regex.Matches(readme, @"^\| \[(TLS\d{3})\]", RegexOptions.Multiline).Select(match => match.Groups[1].Value);

        Assert.Equal(RuleCatalog.Descriptors.Select(descriptor => descriptor.Id), listed);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Rule_HasCodeFix(string id)
    {
        if (id == RuleIds.InvalidOption)
        {
            return; // An invalid .editorconfig value is fixed in the .editorconfig file, which code fixes cannot edit.
        }

        Assert.Contains(RuleCatalog.CodeFixes, fix => fix.FixableDiagnosticIds.Contains(id));
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void CodeFix_SupportsFixAll(string id)
    {
        foreach (var fix in RuleCatalog.CodeFixes.Where(fix => fix.FixableDiagnosticIds.Contains(id)))
        {
            Assert.NotNull(fix.GetFixAllProvider());
        }
    }

    /// <summary>
    /// `dotnet format analyzers` (.NET 10 SDK) fixes one diagnostic ID at a time. It reruns the analyzers that support
    /// the ID and takes the equivalence key of its Fix All from the first diagnostic they report. An analyzer with a
    /// second fixable ID can put that ID's diagnostic first, and then the fix of the ID being processed never runs.
    /// </summary>
    [Fact]
    public void Analyzer_ReportsOneFixableRule()
    {
        var fixableIds = RuleCatalog.CodeFixes
            .SelectMany(fix => fix.FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var analyzer in RuleCatalog.Analyzers)
        {
            var fixable = analyzer.SupportedDiagnostics
                .Select(descriptor => descriptor.Id)
                .Where(fixableIds.Contains)
                .ToList();
            Assert.True(fixable.Count == 1, $"{analyzer.GetType().Name} reports {string.Join(", ", fixable)}");
        }
    }

    [Fact]
    public void DocsFolder_HasNoPageWithoutRule()
    {
        var pages = Directory.GetFiles(RepositoryPaths.Combine("docs", "rules"), "TLS*.md")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(RuleCatalog.Descriptors.Select(descriptor => descriptor.Id), pages);
    }
}
