var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "consumer of the TlsAnalyzers package");

app.Run();
