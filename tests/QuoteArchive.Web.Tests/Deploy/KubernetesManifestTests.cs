using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace QuoteArchive.Web.Tests.Deploy;

/// <summary>
/// deploy/kubernetes/ parsed as YAML, checked for what makes replicas safe: their number, probes on the app's
/// health endpoints, resources, a read-only non-root container matching the image, and the objects that point
/// at the Deployment (Service, HPA, PDB) really selecting it.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Repository = RepositoryFolder.Path;
    private static readonly string Folder = Path.Combine(Repository, "deploy", "kubernetes");

    private static readonly Dictionary<string, Node> Manifests = Directory.GetFiles(Folder, "*.yaml")
        .Select(path => new Node(new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path)), Path.GetFileName(path)))
        .ToDictionary(node => node["kind"].Text);

    private static Node Deployment => Manifests["Deployment"];
    private static Node PodSpec => Deployment["spec"]["template"]["spec"];
    private static Node Container => PodSpec["containers"].Items.Single();

    [Fact]
    public void EveryManifestIsListedInTheKustomization()
    {
        var listed = Manifests["Kustomization"]["resources"].Items.Select(i => i.Text).Order();
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order();
        Assert.Equal(files, listed);
        Assert.Equal(["Deployment", "HorizontalPodAutoscaler", "Kustomization", "PodDisruptionBudget", "Service"], Manifests.Keys.Order());
    }

    [Fact]
    public void DeploymentRunsThreeReplicasSelectedByTheirOwnLabels()
    {
        Assert.Equal(3, Deployment["spec"]["replicas"].Number);
        var selector = Deployment["spec"]["selector"]["matchLabels"].Map;
        Assert.NotEmpty(selector);
        Assert.Subset(Deployment["spec"]["template"]["metadata"]["labels"].Map.ToHashSet(), selector.ToHashSet());
    }

    [Fact]
    public void ProbesUseTheHealthEndpointsOnTheContainerPort()
    {
        var port = Container["ports"].Items.Single();
        Assert.Equal(ExposedPort(), port["containerPort"].Number);

        Assert.Equal("/readyz", Container["readinessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/healthz", Container["livenessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/healthz", Container["startupProbe"]["httpGet"]["path"].Text);
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            Assert.Equal(port["name"].Text, Container[probe]["httpGet"]["port"].Text);
    }

    [Fact]
    public void ContainerHasResourceRequestsAndLimits()
    {
        foreach (var kind in new[] { "requests", "limits" })
        foreach (var resource in new[] { "cpu", "memory" })
            Assert.False(string.IsNullOrEmpty(Container["resources"][kind][resource].Text), $"resources.{kind}.{resource}");
        Assert.EndsWith("Mi", Container["resources"]["limits"]["memory"].Text);
    }

    [Fact]
    public void ContainerIsReadOnlyNonRootAndRunsAsTheImageUser()
    {
        Assert.True(Container["securityContext"]["readOnlyRootFilesystem"].Flag);
        Assert.False(Container["securityContext"]["allowPrivilegeEscalation"].Flag);
        Assert.Equal(["ALL"], Container["securityContext"]["capabilities"]["drop"].Items.Select(i => i.Text));
        Assert.True(PodSpec["securityContext"]["runAsNonRoot"].Flag);
        // runAsNonRoot needs a numeric user; it must be the one that owns /data in the image (the .NET images' "app").
        Assert.Equal(1654, PodSpec["securityContext"]["runAsUser"].Number);
        Assert.Contains("USER $APP_UID", File.ReadAllLines(Path.Combine(Repository, "Dockerfile")));
    }

    [Fact]
    public void DataIsAWritableVolumeAndOwnContentAnOptionalReadOnlyConfigMap()
    {
        var mounts = Container["volumeMounts"].Items.ToDictionary(m => m["mountPath"].Text, m => m);
        var volumes = PodSpec["volumes"].Items.ToDictionary(v => v["name"].Text, v => v);

        Assert.True(volumes[mounts["/data"]["name"].Text].Has("emptyDir"));
        var content = mounts["/content"];
        Assert.True(content["readOnly"].Flag);
        var configMap = volumes[content["name"].Text]["configMap"];
        Assert.True(configMap["optional"].Flag, "without the ConfigMap the pod must still start and serve the baked-in archive");
        Assert.False(string.IsNullOrEmpty(configMap["name"].Text));
    }

    [Fact]
    public void ServiceSelectsThePodsAndTargetsTheNamedPort()
    {
        var service = Manifests["Service"]["spec"];
        Assert.Equal(Deployment["spec"]["selector"]["matchLabels"].Map, service["selector"].Map);
        var port = service["ports"].Items.Single();
        Assert.Equal(80, port["port"].Number);
        Assert.Equal(Container["ports"].Items.Single()["name"].Text, port["targetPort"].Text);
    }

    [Fact]
    public void AutoscalerAndDisruptionBudgetTargetTheDeployment()
    {
        var hpa = Manifests["HorizontalPodAutoscaler"]["spec"];
        Assert.Equal("Deployment", hpa["scaleTargetRef"]["kind"].Text);
        Assert.Equal(Deployment["metadata"]["name"].Text, hpa["scaleTargetRef"]["name"].Text);
        Assert.Equal(Deployment["spec"]["replicas"].Number, hpa["minReplicas"].Number);
        Assert.True(hpa["maxReplicas"].Number > hpa["minReplicas"].Number);
        Assert.Equal("cpu", hpa["metrics"].Items.Single()["resource"]["name"].Text);

        var pdb = Manifests["PodDisruptionBudget"]["spec"];
        Assert.Equal(Deployment["spec"]["selector"]["matchLabels"].Map, pdb["selector"]["matchLabels"].Map);
        Assert.InRange(pdb["minAvailable"].Number, 1, Deployment["spec"]["replicas"].Number - 1);
    }

    private static int ExposedPort()
    {
        var expose = File.ReadAllLines(Path.Combine(Repository, "Dockerfile")).Single(l => l.StartsWith("EXPOSE ", StringComparison.Ordinal));
        return int.Parse(Regex.Match(expose, @"\d+").Value);
    }

    /// <summary>A YAML value with a path for failure messages: a missing key fails with where it was expected.</summary>
    private sealed class Node(object? value, string path)
    {
        public Node this[string key] => value is Dictionary<object, object> map && map.TryGetValue(key, out var child)
            ? new Node(child, $"{path}.{key}")
            : throw new KeyNotFoundException($"{path}.{key} is missing");

        public bool Has(string key) => value is Dictionary<object, object> map && map.ContainsKey(key);
        public string Text => value as string ?? throw new InvalidCastException($"{path} is not a scalar");
        public int Number => int.Parse(Text);
        public bool Flag => bool.Parse(Text);
        public IEnumerable<Node> Items => value is List<object> list
            ? list.Select((item, i) => new Node(item, $"{path}[{i}]"))
            : throw new InvalidCastException($"{path} is not a list");
        public Dictionary<string, string> Map => value is Dictionary<object, object> map
            ? map.ToDictionary(e => (string)e.Key, e => (string)e.Value)
            : throw new InvalidCastException($"{path} is not a map");
    }
}

/// <summary>compose.yaml: the volume, the health check through the app's own binary, and the restart policy.</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void ComposeServiceIsReadOnlyWithDataVolumeHealthCheckAndRestartPolicy()
    {
        var path = Path.Combine(RepositoryFolder.Path, "compose.yaml");
        var compose = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(path));
        var service = (Dictionary<object, object>)((Dictionary<object, object>)compose["services"])["quotearchive"];

        Assert.Equal("true", service["read_only"]);
        Assert.Equal("unless-stopped", service["restart"]);
        Assert.Contains("quotearchive-data:/data", ((List<object>)service["volumes"]).Cast<string>());
        Assert.True(((Dictionary<object, object>)compose["volumes"]).ContainsKey("quotearchive-data"));
        var test = ((List<object>)((Dictionary<object, object>)service["healthcheck"])["test"]).Cast<string>().ToList();
        Assert.Equal(["CMD", .. DockerfileHealthCheck()], test);
        Assert.Equal(["8080:8080"], ((List<object>)service["ports"]).Cast<string>());
    }

    // The probe the image's HEALTHCHECK runs, in exec form: compose must run the same one.
    private static string[] DockerfileHealthCheck()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFolder.Path, "Dockerfile"));
        var start = Array.FindIndex(lines, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        var command = lines.Skip(start).Select(line => line.Trim()).First(line => line.StartsWith("CMD [", StringComparison.Ordinal));
        return System.Text.Json.JsonSerializer.Deserialize<string[]>(command["CMD ".Length..])!;
    }
}
