using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace TlsAnalyzers.Tests.EndToEnd;

/// <summary>Output and exit code of one <c>dotnet</c> command.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public override string ToString() => $"> {CommandLine}\nexit code {ExitCode}\n{Output}";
}

/// <summary>
/// Runs the real <c>dotnet</c> CLI the way a user would, with a package cache of its own so that an earlier build of
/// the package can never be picked up instead of the one just packed.
/// </summary>
public sealed class DotNetCli
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);

    private readonly string packagesFolder;

    public DotNetCli(string packagesFolder)
    {
        this.packagesFolder = packagesFolder;
    }

    public CommandResult Run(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["NUGET_PACKAGES"] = packagesFolder;
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        // The test host's own MSBuild settings must not leak into the consumer's build.
        foreach (var inherited in new List<string> { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
        {
            startInfo.Environment.Remove(inherited);
        }

        return RunProcess(startInfo, "dotnet " + string.Join(' ', arguments));
    }

    private static CommandResult RunProcess(ProcessStartInfo startInfo, string commandLine)
    {
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' timed out after {CommandTimeout.TotalMinutes} minutes.\n{output}");
        }

        process.WaitForExit();
        return new CommandResult(commandLine, process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
