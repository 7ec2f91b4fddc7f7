var R=require("./chunks/[turbopack]_runtime.js")("server/middleware.js")
R.c("server/chunks/[externals]__0kvx6sb2qspvm._.js")
R.c("server/chunks/[root-of-the-server]__00s906jbf7seb._.js")
R.m(62395)
module.exports=R.m(62395).exports
