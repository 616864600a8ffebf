using System;
using System.IO;

namespace TlsAnalyzers.Benchmarks.Tests;

public sealed class BenchmarkOptionsTests
{
    [Fact]
    public void Parse_NoArguments_UsesDefaults()
    {
        var options = BenchmarkOptions.Parse([]);

        Assert.Equal(1, options.Scale);
        Assert.Equal(5, options.Repetitions);
        Assert.Equal(2, options.WarmupRounds);
        Assert.False(options.Scaling);
        Assert.Null(options.CorpusDirectory);
        Assert.Null(options.WriteCorpusDirectory);
    }

    [Fact]
    public void Parse_AllOptions_SetsEachValue()
    {
        var directory = Directory.CreateTempSubdirectory("benchmark-options").FullName;

        var options = BenchmarkOptions.Parse(
            ["--scale", "0.5", "--repetitions", "7", "--warmup", "0", "--corpus", directory]);

        Assert.Equal(0.5, options.Scale);
        Assert.Equal(7, options.Repetitions);
        Assert.Equal(0, options.WarmupRounds);
        Assert.Equal(directory, options.CorpusDirectory);
    }

    [Theory]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "-1")]
    [InlineData("--scale", "many")]
    [InlineData("--repetitions", "0")]
    [InlineData("--warmup", "-1")]
    [InlineData("--corpus", "/no/such/folder")]
    [InlineData("--profile", "E")]
    public void Parse_InvalidValue_NamesTheValue(string name, string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse([name, value]));

        Assert.Contains(value, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownArgument_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--fast"]));

        Assert.Contains("--fast", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingValue_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--scale"]));

        Assert.Contains("Missing value", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ScalingWithCorpus_Throws()
    {
        var directory = Directory.CreateTempSubdirectory("benchmark-options").FullName;

        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--scaling", "--corpus", directory]));
    }

    [Fact]
    public void Parse_WriteCorpusWithCorpus_Throws()
    {
        var directory = Directory.CreateTempSubdirectory("benchmark-options").FullName;

        Assert.Throws<ArgumentException>(
            () => BenchmarkOptions.Parse(["--write-corpus", "out", "--corpus", directory]));
    }

    [Fact]
    public void Parse_Profile_KeepsTheLabel()
    {
        var options = BenchmarkOptions.Parse(["--profile", "B", "--scale", "0.5"]);

        Assert.Equal("B", options.ProfileLabel);
    }

    [Fact]
    public void Parse_ProfileWithScaling_Throws()
    {
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--profile", "B", "--scaling"]));
    }

    [Fact]
    public void Parse_ActionsWithProfileB_SetsTimeActions()
    {
        var options = BenchmarkOptions.Parse(["--profile", "B", "--actions"]);

        Assert.True(options.TimeActions);
        Assert.False(BenchmarkOptions.Parse(["--profile", "B"]).TimeActions);
    }

    [Theory]
    [InlineData("--actions")]
    [InlineData("--actions", "--profile", "C")]
    public void Parse_ActionsWithoutProfileB_Throws(params string[] args)
    {
        var exception = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(args));

        Assert.Contains("--profile B", exception.Message, StringComparison.Ordinal);
    }
}
