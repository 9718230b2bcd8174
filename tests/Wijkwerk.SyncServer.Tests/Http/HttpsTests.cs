using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>HTTPS with a certificate configured the Kestrel way (environment variables here, appsettings.json in production).</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task Serve_WithAConfiguredCertificate_AnswersOverHttps()
    {
        var folder = Directory.CreateTempSubdirectory("wijkwerk-https-");
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            var pfx = Path.Combine(folder.FullName, "server.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "geheim"));

            await using var server = await ServerProgram.Running.Start(Path.Combine(folder.FullName, "s.db"), new Dictionary<string, string>
            {
                ["Kestrel__Certificates__Default__Path"] = pfx,
                ["Kestrel__Certificates__Default__Password"] = "geheim",
            }, urls: "https://127.0.0.1:0");
            var thumbprint = certificate.Thumbprint;
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

            using var response = await http.GetAsync(server.Address + "/healthz");

            Assert.StartsWith("https://", server.Address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
