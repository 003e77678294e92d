package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.BillComparison;
import dev.unitcost.cost.CostExtras;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.LoadCurve;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.PrefixCaching;
import dev.unitcost.cost.RouteMix;
import dev.unitcost.cost.Workload;
import dev.unitcost.model.ModelLoad;
import dev.unitcost.synth.TwinCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cost --route SHARE:SELF_MODEL}: parses the routes and finds each model's throughput; {@link RouteMix} prices them. */
final class CostRoutes {

    /** One --route value. */
    record Route(double share, String model) {}

    /** What pricing the routes needs from the rest of the command. */
    record Context(ProjectLayout layout, Workload workload, BillComparison bill, HardwareProfile profile, HourlyCost.RentalPrice price,
            double utilisation, HourlyCost.BusyPower busyPower, LoadCurve curve, PrefixCaching prefixCaching) {}

    private CostRoutes() {}

    static List<Route> parse(List<String> values) {
        List<Route> routes = new ArrayList<>();
        if (values == null) {
            return routes;
        }
        for (String v : values) {
            int colon = v.indexOf(':');
            if (colon <= 0 || colon == v.length() - 1) {
                throw InputException.option("--route", "expected SHARE:SELF_MODEL (e.g. 0.7:twin:llama-3.1-8b:int4), got '" + v + "'");
            }
            double share;
            try {
                share = Double.parseDouble(v.substring(0, colon));
            } catch (NumberFormatException e) {
                throw InputException.option("--route", "expected a share in [0, 1] before ':', got '" + v + "'");
            }
            if (!(share >= 0 && share <= 1)) {
                throw InputException.option("--route", "expected a share in [0, 1] before ':', got '" + v + "'");
            }
            routes.add(new Route(share, v.substring(colon + 1).strip()));
        }
        return routes;
    }

    /** One mix table per self-hosted model, in the order first named. */
    static List<CostExtras.Routes> price(List<Route> routes, Context c) {
        Map<String, List<Double>> byModel = new LinkedHashMap<>();
        routes.forEach(r -> byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r.share()));
        if (c.profile() == null) {
            throw InputException.option("--route", "needs --hardware (or --run) to price the self-hosted model on");
        }
        HourlyCost hourly;
        try {
            hourly = HourlyCost.of(c.profile(), c.price(), 1, c.utilisation(), c.busyPower());
        } catch (IllegalArgumentException e) {
            throw InputException.option("--price", e.getMessage());
        }
        LoadCurve curve = c.curve() != null ? c.curve() : LoadCurve.flat();
        Workload w = c.workload();
        List<CostExtras.Routes> out = new ArrayList<>();
        for (var e : byModel.entrySet()) {
            MeasuredThroughput t = throughput(e.getKey(), c);
            RouteMix mix = RouteMix.of(e.getKey(), e.getValue(), w, c.bill().apiBill(), t, hourly, curve, c.utilisation());
            out.add(CostExtras.Routes.of(mix, t.label()));
        }
        return out;
    }

    private static MeasuredThroughput throughput(String model, Context c) {
        if (TwinCache.isReference(model)) {
            ModelLoad m = TwinThroughput.load(model, "--route");
            Profiles profiles = new Profiles(c.layout());
            var points = TwinThroughput.withLengths(TwinThroughput.points(c.layout(), TwinThroughput.SERVING_WORKLOAD, "--route"),
                    Math.toIntExact(c.workload().inputTokensPerRequest()), Math.toIntExact(Math.max(1, c.workload().outputTokensPerRequest())));
            MeasuredThroughput t = TwinThroughput.project(m, TwinThroughput.physics(profiles, c.profile(), "--route"), c.profile(), points, 1, 1.0,
                    "--route");
            return c.prefixCaching() == null ? t : c.prefixCaching().apply(t);
        }
        if (c.bill().self().isEmpty()) {
            throw InputException.option("--route", "'" + model + "' is not a twin:PRESET:QUANT to project; name the measured model with"
                    + " --run REPORT or --tokens-per-second-in, or route to twin:PRESET:QUANT");
        }
        return c.bill().self().get().throughput();
    }
}
