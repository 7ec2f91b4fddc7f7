1:"$Sreact.fragment"
2:"/_next/static/chunks/3qfy96eoyh-ek.js"
3:I[39756,["$2"],"default"]
4:I[37457,["$2"],"default"]
5:"/_next/static/chunks/0wvejn8prflnk.js"
6:I[22016,["$2","$5"],""]
a:I[97367,["$2"],"OutletBoundary"]
b:"$Sreact.suspense"
d:"ViewportBoundary"
e:I[97367,["$2"],"$d"]
10:"MetadataBoundary"
11:I[97367,["$2"],"$10"]
13:I[68027,["$2"],"default",1]
:HL["/_next/static/chunks/198cuas1rmrvf.css","style"]
8:X
9:[["children",{"s":"__PAGE__","h":512,"d":{"r":["$","$1","c",{"children":[["$","html",null,{"lang":"ja","children":[["$","head",null,{"children":["$","title",null,{"children":"ページが見つかりません / Page not found"}]}],["$","body",null,{"children":["$","main",null,{"id":"main","className":"not-found","children":[["$","h1",null,{"children":"ページが見つかりません / Page not found"}],["$","p",null,{"children":[["$","$L6",null,{"href":"/privacy","children":"プライバシーポリシー"}]," · ",["$","$L6",null,{"href":"/en/privacy","children":"Privacy Policy"}]]}]]}]}]]}],[["$","link","0",{"rel":"stylesheet","href":"/_next/static/chunks/198cuas1rmrvf.css","precedence":"next","crossOrigin":"$undefined","nonce":"$undefined"}],["$","script","script-0",{"src":"/_next/static/chunks/0wvejn8prflnk.js","async":true,"nonce":"$undefined"}]],["$","$La",null,{"children":["$","$b",null,{"name":"Next.MetadataOutlet","children":"$@c"}]}]]}],"p":false,"v":null}}]]
7:[["children",{"s":"/_not-found","h":512,"d":{"r":["$","$1","c",{"children":[null,["$","$L3",null,{"parallelRouterKey":"children","error":"$undefined","errorStyles":"$undefined","errorScripts":"$undefined","template":["$","$L4",null,{}],"templateStyles":"$undefined","templateScripts":"$undefined","notFound":"$undefined","forbidden":"$undefined","unauthorized":"$undefined"}]]}],"p":false,"v":"$8"},"c":"$Q9"}]]
0:{"P":null,"c":["","_not-found"],"q":"","i":false,"t":{"t":{"s":"","h":528,"d":{"r":["$","$1","c",{"children":[[["$","script","script-0",{"src":"/_next/static/chunks/3qfy96eoyh-ek.js","async":true,"nonce":"$undefined"}]],["$","$L3",null,{"parallelRouterKey":"children","error":"$undefined","errorStyles":"$undefined","errorScripts":"$undefined","template":["$","$L4",null,{}],"templateStyles":"$undefined","templateScripts":"$undefined","notFound":[["$","html",null,{"lang":"ja","children":[["$","head",null,{"children":["$","title",null,{"children":"ページが見つかりません / Page not found"}]}],["$","body",null,{"children":["$","main",null,{"id":"main","className":"not-found","children":[["$","h1",null,{"children":"ページが見つかりません / Page not found"}],["$","p",null,{"children":[["$","$L6",null,{"href":"/privacy","children":"プライバシーポリシー"}]," · ",["$","$L6",null,{"href":"/en/privacy","children":"Privacy Policy"}]]}]]}]}]]}],[["$","link","0",{"rel":"stylesheet","href":"/_next/static/chunks/198cuas1rmrvf.css","precedence":"next","crossOrigin":"$undefined","nonce":"$undefined"}]]],"forbidden":"$undefined","unauthorized":"$undefined"}]]}],"p":false,"v":null},"c":"$Q7"},"h":{"r":["$","$1","h",{"children":[["$","meta",null,{"name":"robots","content":"noindex"}],["$","$Le",null,{"children":"$Lf"}],["$","$L11",null,{"children":[["$","div",null,{"hidden":true,"children":["$","$b",null,{"name":"Next.Metadata","children":"$L12"}]}],null]}],null]}],"p":false,"v":null}},"m":"$undefined","G":["$13",[]],"S":true,"r":"$undefined","s":"$undefined","a":"$undefined","l":"$undefined","p":"$undefined","d":"$undefined","b":"BUvW7nESiqQQd4LCYYPID"}
8:C
f:[["$","meta","0",{"charSet":"utf-8"}],["$","meta","1",{"name":"viewport","content":"width=device-width, initial-scale=1"}]]
14:I[27201,["$2"],"IconMark"]
c:null
12:[["$","link","0",{"rel":"icon","href":"/icon.svg?icon.03tr1v38fnc_t.svg","sizes":"any","type":"image/svg+xml"}],["$","$L14","1",{}]]
