#:package Microsoft.Diagnostics.Tracing.TraceEvent
// The bytes an import allocated, by type: the runtime's allocation samples (one event about every 100 KB allocated,
// naming the type of the object that crossed the mark) in a trace of bench/import-allocations.sh, summed by type.
//   dotnet run -c Release bench/import-allocations.cs -- import.nettrace [top]
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

var top = args.Length > 1 ? int.Parse(args[1]) : 25;
var bytes = new Dictionary<string, long>();
long total = 0;
using (var source = new EventPipeEventSource(args[0]))
{
    source.Clr.GCAllocationTick += (GCAllocationTickTraceData sample) =>
    {
        var type = sample.TypeName ?? "?";
        bytes[type] = bytes.GetValueOrDefault(type) + sample.AllocationAmount64;
        total += sample.AllocationAmount64;
    };
    source.Process();
}
Console.WriteLine($"allocated (sampled): {total / 1e9:F2} GB");
foreach (var (type, amount) in bytes.OrderByDescending(p => p.Value).Take(top))
    Console.WriteLine($"{amount / 1e6,9:F0} MB {100.0 * amount / total,5:F1} %  {type}");
