using InsecureTlsDemo;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddShortLivedHsts();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}

// TLS006: the app redirects to HTTPS, but nothing in the project calls UseHsts.
app.UseHttpsRedirection();

app.MapGet("/", () => "TlsAnalyzers demo: build this project to see the TLS warnings.");
app.MapGet("/legacy", () => LegacyTlsSetup.Describe());

app.Run();
