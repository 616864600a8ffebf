using InsecureTlsDemo;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "TlsAnalyzers demo: build this project to see the TLS warnings.");
app.MapGet("/legacy", () => LegacyTlsSetup.Describe());

app.Run();
