var R=require("../../../chunks/[turbopack]_runtime.js")("server/app/api/consent/route.js")
R.c("server/chunks/[root-of-the-server]__1srb3qzn_dyw4._.js")
R.c("server/chunks/_1_37tq09zeraq._.js")
R.c("server/chunks/_0flwe3jg3td6z._.js")
R.c("server/chunks/_1ne5hif72f4ho._.js")
R.c("server/chunks/[root-of-the-server]__084l5jvwq_oqq._.js")
R.c("server/chunks/_next-internal_server_app_api_consent_route_actions_1rb34glq3xuxt.js")
R.m(18096)
module.exports=R.m(18096).exports
