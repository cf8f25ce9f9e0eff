def log = new File(basedir, 'build.log').text
// the probe gives up after its limit and says so; the build goes on on the CPU
assert log =~ /(?m)^\[WARNING\] Device: cpu \(nvidia-smi -L did not answer within 20 s \(a hung NVIDIA driver\?\); training on the CPU\. For the GPU: repair the NVIDIA driver until nvidia-smi -L lists the GPU\)$/
assert log.count('Device: ') == 1, 'gpu-check decides, train reuses the decision'
assert log.contains(':gpu-check (gpu) @ it-gpu-probe-hangs'), 'the gpu-check goal ran'
def record = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lab/runs/quick/run.json'))
assert record.status == 'complete'
assert record.provenance.device == 'cpu()'
assert record.provenance.allocatorFill == 'zero', 'the trainer zero-filled its allocations'
return true
