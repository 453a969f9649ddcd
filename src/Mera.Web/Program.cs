using Mera.Core.Data;
using Mera.Web;

var builder = WebApplication.CreateBuilder(args);
var settings = DbSettings.Resolve(builder.Configuration.GetConnectionString("Mera"), builder.Configuration["MERA_DB_PROVIDER"]);
builder.Services.AddSingleton(new MeraDb(settings));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRazorPages();

var app = builder.Build();
await Startup.PrepareDatabaseAsync(app.Services, app.Logger);
app.UseStaticFiles();
app.MapGet("/health", HealthCheck.RunAsync);
app.MapRazorPages();
app.Run();
