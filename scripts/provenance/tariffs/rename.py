import fcntl, json, shutil
from analysis.core import data, paths, io
ren = {"us_unrate_monthly": "tariff_context_us_unrate_monthly",
       "us_unemployment_hsus_annual": "tariff_context_us_unemployment_hsus_annual"}
for old, new in ren.items():
    res = dict(data.resource(old))
    shutil.copyfile(paths.DATA / res["path"], paths.DATA / f"{new}.csv")
    res.update(name=new, path=f"{new}.csv")
    res.pop("hash"); res.pop("bytes")
    data.upsert_resource(res)
with open(paths.DESCRIPTOR.with_suffix(".lock"), "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    pkg = data.descriptor()
    pkg["resources"] = [r for r in pkg["resources"] if r["name"] not in ren]
    io.write_text(paths.DESCRIPTOR, json.dumps(pkg, indent=2, ensure_ascii=False) + "\n")
for old in ren:
    (paths.DATA / f"{old}.csv").unlink()
print("done")
