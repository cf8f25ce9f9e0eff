def log = new File(basedir, 'build.log').text
assert log.contains('lab.device is gpu, but the GPU cannot be used: nvidia-smi -L: GPU 0: NVIDIA Fake GPU for tests'), log
assert log.contains('but DJL finds no usable CUDA runtime'), log
assert log.contains('install the NVIDIA driver and the CUDA 12 runtime'), log
assert log.contains(', or use -Dlab.device=auto or cpu'), log
assert log.count('Failed to execute goal') == 1
assert !new File(basedir, 'target/lab/runs').exists(), 'nothing was trained'
return true
