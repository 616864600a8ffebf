using Consumer;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.AddHstsPolicy();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseHttpsRedirection(); // expect: TLS006
app.MapGet("/", () => "consumer of the TlsAnalyzers package");
app.Map("/error", () => Results.Problem());
app.MapHealthChecks("/healthz");

app.Run();
