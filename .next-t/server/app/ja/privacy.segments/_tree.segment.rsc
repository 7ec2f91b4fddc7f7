:HL["/_next/static/chunks/198cuas1rmrvf.css","style"]
3:[["children",{"s":"__PAGE__","h":160}]]
2:[["children",{"s":"privacy","h":64,"c":"$Q3"}]]
1:[["children",{"s":{"n":"locale","t":"d","k":"ja","s":["api"]},"h":32,"c":"$Q2"}]]
0:{"b":"BUvW7nESiqQQd4LCYYPID","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
