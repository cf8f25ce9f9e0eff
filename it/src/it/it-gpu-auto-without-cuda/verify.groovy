def log = new File(basedir, 'build.log').text
// one line: what was found, what is used, why, and how to get the GPU path
assert log =~ /(?m)^\[WARNING\] Device: cpu \(nvidia-smi -L: GPU 0: NVIDIA Fake GPU for tests \(UUID: [^)]*\), but DJL finds no usable CUDA runtime .*; training on the CPU\. For the GPU: install the NVIDIA driver and the CUDA 12 runtime .*\)$/
assert log.count('Device: ') == 1, 'the device is decided once per build'
def record = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lab/runs/quick/run.json'))
assert record.status == 'complete'
assert record.provenance.device == 'cpu()', 'the run record names the device that trained it'
return true
