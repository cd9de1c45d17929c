-- Run once by the postgres image on its first start (an empty data volume), from
-- /docker-entrypoint-initdb.d/. One database per subgraph: each loket is the controller of its own data,
-- so no subgraph can read or join another's tables; they meet only through the gateway.
-- Keep this list equal to SUBGRAPHS in subgraphs/kit/config.ts (test/deployment.test.ts checks it).
-- Each subgraph creates its own tables with its drizzle migrations when it starts.
CREATE DATABASE brp;
CREATE DATABASE wmo;
CREATE DATABASE cjg;
CREATE DATABASE werkplein;
CREATE DATABASE wijkteam;
