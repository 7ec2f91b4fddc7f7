:HL["/_next/static/chunks/198cuas1rmrvf.css","style"]
2:[["children",{"s":"__PAGE__","h":160}]]
1:[["children",{"s":"/_not-found","h":96,"c":"$Q2"}]]
0:{"b":"BUvW7nESiqQQd4LCYYPID","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
